// Injects an I/O error at one step of a durable write (open, write, fsync, rename, directory
// fsync) by spying on the fs promises API the store writes through.
import { promises as fs } from 'node:fs';
import { vi } from 'vitest';

export const WRITE_STEPS = ['open', 'write', 'fsync', 'rename', 'fsync-dir'] as const;
export type WriteStep = (typeof WRITE_STEPS)[number];
export const FAULT_CODES = ['ENOSPC', 'EIO', 'EACCES'] as const;

function ioError(code: string, syscall: string): NodeJS.ErrnoException {
  const error = new Error(`${code}: injected fault, ${syscall}`) as NodeJS.ErrnoException;
  error.code = code;
  error.syscall = syscall;
  return error;
}

/** Makes write step `step` fail with `code` (the first `times` times) until the returned function is called. */
export async function injectWriteFault(step: WriteStep, code: string, scratchFile: string, times = Infinity): Promise<() => void> {
  let left = times;
  const fails = () => left-- > 0;
  // FileHandle's class is not exported: take it from a real handle.
  const probe = await fs.open(scratchFile, 'w');
  const handleProto = Object.getPrototypeOf(probe) as { writeFile: () => Promise<void>; sync: () => Promise<void> };
  await probe.close();
  const realOpen = fs.open.bind(fs);
  const realSync = handleProto.sync;
  const dirHandles = new WeakSet<object>();
  const spies: { mockRestore(): void }[] = [];
  spies.push(
    vi.spyOn(fs, 'open').mockImplementation((async (file: string, flags?: string) => {
      if (step === 'open' && flags === 'w' && fails()) throw ioError(code, 'open');
      const handle = await realOpen(file, flags);
      if (flags === 'r') dirHandles.add(handle);
      return handle;
    }) as typeof fs.open),
  );
  if (step === 'write') {
    const realWrite = handleProto.writeFile;
    spies.push(
      vi.spyOn(handleProto, 'writeFile').mockImplementation(function (this: object, ...args: unknown[]) {
        return fails() ? Promise.reject(ioError(code, 'write')) : (realWrite as (...a: unknown[]) => Promise<void>).apply(this, args);
      }),
    );
  }
  if (step === 'fsync' || step === 'fsync-dir') {
    spies.push(
      vi.spyOn(handleProto, 'sync').mockImplementation(function (this: object) {
        const isDir = dirHandles.has(this);
        if (isDir === (step === 'fsync-dir') && fails()) return Promise.reject(ioError(code, 'fsync'));
        return realSync.call(this);
      }),
    );
  }
  if (step === 'rename') {
    const realRename = fs.rename.bind(fs);
    spies.push(vi.spyOn(fs, 'rename').mockImplementation((from, to) => (fails() ? Promise.reject(ioError(code, 'rename')) : realRename(from, to))));
  }
  return () => {
    for (const spy of spies.splice(0)) spy.mockRestore();
  };
}
