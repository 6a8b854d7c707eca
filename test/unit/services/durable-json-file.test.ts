import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  CoalescingWriter,
  DurableJSONFile,
  StoreFileError,
  removeStaleTempFiles,
  writeFileDurably,
} from '../../../electron/services/store/durable-json-file.js';
import { FAULT_CODES, WRITE_STEPS, injectWriteFault } from '../../helpers/io-faults.js';
import { useTempDirs } from '../../helpers/temp-dirs.js';

let clearFault: (() => void) | null = null;

const tempDir = useTempDirs();

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('writeFileDurably', () => {
  it('leaves exactly the target file, holding the content, and no temp files', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'workspace.json');
    await writeFileDurably(target, '{"a":1}\n');
    expect(await fs.readdir(dir)).toEqual(['workspace.json']);
    expect(await fs.readFile(target, 'utf8')).toBe('{"a":1}\n');
  });

  it('replaces an existing file and writes bytes exactly', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'data.bin');
    await fs.writeFile(target, 'old content that is longer than the new one');
    const payload = Uint8Array.from([0, 1, 2, 0xfe, 0xff]);
    await writeFileDurably(target, payload);
    expect([...(await fs.readFile(target))]).toEqual([0, 1, 2, 0xfe, 0xff]);
    expect(await fs.readdir(dir)).toEqual(['data.bin']);
  });

  it('survives many concurrent writes to one file: one of them wins whole, nothing is left over', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'busy.json');
    const contents = Array.from({ length: 20 }, (_, i) => JSON.stringify({ writer: i, filler: 'x'.repeat(1000 * i) }));
    await Promise.all(contents.map((content) => writeFileDurably(target, content)));
    expect(contents).toContain(await fs.readFile(target, 'utf8'));
    expect(await fs.readdir(dir)).toEqual(['busy.json']);
  });

  it('rejects when the target cannot be replaced, and removes its temp file', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'in-the-way');
    await fs.mkdir(path.join(target, 'child'), { recursive: true });
    await expect(writeFileDurably(target, 'data')).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(['in-the-way']);
  });

  it('rejects when the folder does not exist, creating nothing', async () => {
    const dir = await tempDir();
    await expect(writeFileDurably(path.join(dir, 'missing', 'file.json'), 'data')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('removes its temp file when writing the content fails', async () => {
    const dir = await tempDir();
    await expect(writeFileDurably(path.join(dir, 'x.json'), 42 as unknown as string)).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('writeFileDurably when the disk fails', () => {
  afterEach(() => clearFault?.());

  it.each(WRITE_STEPS.flatMap((step) => FAULT_CODES.map((code) => ({ step, code }))))(
    '$code at $step: rejects with that error and leaves no temp file',
    async ({ step, code }) => {
      const dir = await tempDir();
      const target = path.join(dir, 'workspace.json');
      await fs.writeFile(target, 'old');
      clearFault = await injectWriteFault(step, code, path.join(dir, '.probe'));
      await expect(writeFileDurably(target, 'new')).rejects.toMatchObject({ code });
      clearFault();
      clearFault = null;
      await fs.rm(path.join(dir, '.probe'));
      expect(await fs.readdir(dir)).toEqual(['workspace.json']);
      // Only a failed directory fsync comes after the rename.
      expect(await fs.readFile(target, 'utf8')).toBe(step === 'fsync-dir' ? 'new' : 'old');
    },
  );

  it('removes its temp file when closing it fails', async () => {
    const dir = await tempDir();
    const target = path.join(dir, 'workspace.json');
    const realOpen = fs.open.bind(fs);
    // close is the handle's own property, not its prototype's: wrap it on each handle.
    const spy = vi.spyOn(fs, 'open').mockImplementation((async (file: string, flags?: string) => {
      const handle = await realOpen(file, flags);
      if (flags !== 'w') return handle;
      const realClose = handle.close.bind(handle);
      handle.close = async () => {
        await realClose();
        throw Object.assign(new Error('EIO: close'), { code: 'EIO' });
      };
      return handle;
    }) as typeof fs.open);
    try {
      await expect(writeFileDurably(target, 'new')).rejects.toMatchObject({ code: 'EIO' });
    } finally {
      spy.mockRestore();
    }
    expect(await fs.readdir(dir)).toEqual([]);
  });
});

describe('DurableJSONFile', () => {
  it('reads null for a missing file and creates nothing', async () => {
    const dir = await tempDir();
    const file = new DurableJSONFile<{ a: number }>(path.join(dir, 'none.json'));
    expect(await file.read()).toBeNull();
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('writes pretty JSON with a final newline and reads it back', async () => {
    const dir = await tempDir();
    const filePath = path.join(dir, 'data.json');
    const file = new DurableJSONFile<{ name: string; list: number[] }>(filePath);
    await file.write({ name: 'Ann “quoted” 😀', list: [1, 2] });
    const raw = await fs.readFile(filePath, 'utf8');
    expect(raw.endsWith('}\n')).toBe(true);
    expect(raw).toContain('\n  "name"');
    expect(await new DurableJSONFile(filePath).read()).toEqual({ name: 'Ann “quoted” 😀', list: [1, 2] });
    expect(await fs.readdir(dir)).toEqual(['data.json']);
  });

  it.each([
    ['truncated', '{"schemaVersion": 1, "labels": ['],
    ['empty', ''],
    ['not JSON at all', 'PK\u0003\u0004 this is a zip'],
    ['a trailing comma', '{"a": 1,}'],
  ])('refuses a %s file with a StoreFileError and leaves it byte-for-byte untouched', async (_what, content) => {
    const dir = await tempDir();
    const filePath = path.join(dir, 'workspace.json');
    await fs.writeFile(filePath, content);
    const before = await fs.readFile(filePath);
    const file = new DurableJSONFile(filePath);
    const error = await file.read().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoreFileError);
    expect((error as StoreFileError).filePath).toBe(filePath);
    expect((error as StoreFileError).message).toContain('workspace.json');
    expect((error as StoreFileError).message).toMatch(/untouched/);
    expect((error as StoreFileError).message).toMatch(/restore|move/i);
    expect((await fs.readFile(filePath)).equals(before)).toBe(true);
    expect(await fs.readdir(dir)).toEqual(['workspace.json']);
  });

  it('passes on errors other than a missing file (here: the path is a folder)', async () => {
    const dir = await tempDir();
    const error = await new DurableJSONFile(dir).read().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    expect(error).not.toBeInstanceOf(StoreFileError);
    expect((error as NodeJS.ErrnoException).code).toBe('EISDIR');
  });
});

describe('CoalescingWriter', () => {
  /** A writer of `state.value` to a real file, whose writes can be held open. */
  async function heldWriter() {
    const dir = await tempDir();
    const filePath = path.join(dir, 'state.json');
    const state = { value: 0 };
    const writes: number[] = [];
    let gate: ReturnType<typeof deferred<void>> | null = null;
    let started = deferred();
    const writer = new CoalescingWriter(async () => {
      const value = state.value;
      writes.push(value);
      started.resolve();
      if (gate) await gate.promise;
      await writeFileDurably(filePath, JSON.stringify({ value }));
    });
    return {
      writer,
      state,
      writes,
      onDisk: async () => (JSON.parse(await fs.readFile(filePath, 'utf8')) as { value: number }).value,
      hold() {
        gate = deferred();
        started = deferred();
        return { started: started.promise, release: gate.resolve };
      },
    };
  }

  it('folds every schedule() made during one write into a single next write', async () => {
    const w = await heldWriter();
    const held = w.hold();
    w.state.value = 1;
    const first = w.writer.schedule();
    await held.started;
    const later: Promise<void>[] = [];
    for (let i = 2; i <= 50; i++) {
      w.state.value = i;
      later.push(w.writer.schedule());
    }
    held.release();
    await Promise.all([first, ...later]);
    expect(w.writes).toEqual([1, 50]);
    expect(await w.onDisk()).toBe(50);
  });

  it('resolves every promise only after the value current at its call is on disk', async () => {
    const w = await heldWriter();
    const held = w.hold();
    const checks: Promise<void>[] = [];
    const scheduleAndCheck = () => {
      const expected = w.state.value;
      checks.push(w.writer.schedule().then(async () => expect(await w.onDisk()).toBeGreaterThanOrEqual(expected)));
    };
    w.state.value = 1;
    scheduleAndCheck();
    await held.started;
    for (let i = 2; i <= 5; i++) {
      w.state.value = i;
      scheduleAndCheck();
    }
    held.release();
    await Promise.all(checks);
    expect(checks).toHaveLength(5);
    expect(w.writes.length).toBeLessThanOrEqual(2);
  });

  it('shares one write between schedule() calls made in the same turn', async () => {
    const w = await heldWriter();
    w.state.value = 7;
    const promises = [w.writer.schedule(), w.writer.schedule(), w.writer.schedule()];
    expect(promises[1]).toBe(promises[0]);
    await Promise.all(promises);
    expect(w.writes).toEqual([7]);
    expect(await w.onDisk()).toBe(7);
  });

  it('rejects the promise of a failing write, and later schedules still write', async () => {
    const dir = await tempDir();
    const filePath = path.join(dir, 'out.txt');
    let fail = true;
    let value = 'first';
    const writer = new CoalescingWriter(async () => {
      if (fail) throw new Error('disk unplugged');
      await writeFileDurably(filePath, value);
    });
    await expect(writer.schedule()).rejects.toThrow('disk unplugged');
    fail = false;
    value = 'second';
    await writer.schedule();
    expect(await fs.readFile(filePath, 'utf8')).toBe('second');
  });

  it('a failure rejects only the write it belongs to: a schedule queued behind it still succeeds', async () => {
    const dir = await tempDir();
    const filePath = path.join(dir, 'out.txt');
    const gate = deferred();
    const started = deferred();
    let calls = 0;
    const writer = new CoalescingWriter(async () => {
      calls++;
      if (calls === 1) {
        started.resolve();
        await gate.promise;
        throw new Error('first write failed');
      }
      await writeFileDurably(filePath, `write ${calls}`);
    });
    const first = writer.schedule();
    await started.promise;
    const second = writer.schedule();
    gate.resolve();
    await expect(first).rejects.toThrow('first write failed');
    await second;
    expect(await fs.readFile(filePath, 'utf8')).toBe('write 2');
  });

  it('written() writes again after a failed write, and costs nothing when all is written', async () => {
    const dir = await tempDir();
    const filePath = path.join(dir, 'out.txt');
    let fail = true;
    let writes = 0;
    const writer = new CoalescingWriter(async () => {
      writes++;
      if (fail) throw new Error('disk full');
      await writeFileDurably(filePath, 'kept in memory');
    });
    await writer.written();
    expect(writes).toBe(0);
    await expect(writer.schedule()).rejects.toThrow('disk full');
    expect(writer.unwritten).toBe(true);
    fail = false;
    // Nothing new was scheduled: the unwritten state alone makes it write.
    await writer.written();
    expect(writes).toBe(2);
    expect(writer.unwritten).toBe(false);
    expect(await fs.readFile(filePath, 'utf8')).toBe('kept in memory');
    await writer.written();
    expect(writes).toBe(2);
  });

  it('written() waits for the write under way and fails with it', async () => {
    const gate = deferred();
    const started = deferred();
    const writer = new CoalescingWriter(async () => {
      started.resolve();
      await gate.promise;
      throw new Error('write failed');
    });
    const scheduled = writer.schedule();
    await started.promise;
    const written = writer.written();
    gate.resolve();
    await expect(scheduled).rejects.toThrow('write failed');
    await expect(written).rejects.toThrow('write failed');
  });

  it('does not crash the process when nobody awaits a failed write', async () => {
    let calls = 0;
    const writer = new CoalescingWriter(async () => {
      calls++;
      throw new Error('ignored failure');
    });
    void writer.schedule();
    // An unhandled rejection would fail this test run; idle() must still settle.
    await writer.idle();
    expect(calls).toBe(1);
  });

  it('idle() waits for queued and running writes, and resolves at once when there are none', async () => {
    const w = await heldWriter();
    await w.writer.idle();
    expect(w.writes).toEqual([]);

    const held = w.hold();
    w.state.value = 1;
    void w.writer.schedule();
    await held.started;
    w.state.value = 2;
    void w.writer.schedule();
    let idle = false;
    const waiting = w.writer.idle().then(() => (idle = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(idle).toBe(false);
    held.release();
    await waiting;
    expect(w.writes).toEqual([1, 2]);
    expect(await w.onDisk()).toBe(2);
  });
});

describe('removeStaleTempFiles', () => {
  it('removes temp files of processes that are gone and keeps those of live ones and other files', async () => {
    const dir = await tempDir();
    const { spawnSync } = await import('node:child_process');
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const names = [`.workspace.json.${dead}.1.tmp`, `.workspace.json.${process.pid}.2.tmp`, `.workspace.json.${process.ppid}.3.tmp`, 'workspace.json', 'notes.tmp'];
    for (const name of names) await fs.writeFile(path.join(dir, name), 'x');
    expect(await removeStaleTempFiles(dir)).toEqual([`.workspace.json.${dead}.1.tmp`]);
    expect((await fs.readdir(dir)).sort()).toEqual(names.slice(1).sort());
    expect(await removeStaleTempFiles(path.join(dir, 'missing'))).toEqual([]);
  });
});
