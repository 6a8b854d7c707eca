// A claim's history line reaches the disk before the change it records, so a kill between the
// two writes can never leave a change on disk without its line. Here the line's append fails
// (as on a full disk), and the change must stay off the disk until its line is written.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HISTORY_DIR } from '../../../../electron/services/review/claim-history.js';
import { annotationsOnDisk, createChange, firstRefusal, importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The mayor claimed crime fell 20% last year. She also said the budget is balanced.';
const noteOn = (documentId: string, note: string) => ({ kind: 'updateAnnotation' as const, documentId, annotationId: 'c1', note });

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

/** Makes every append to a claim history file fail with ENOSPC, after writing half of it. */
async function failHistoryAppends(scratch: string): Promise<() => void> {
  const probe = await fs.open(scratch, 'w');
  const proto = Object.getPrototypeOf(probe) as { appendFile: (data: string) => Promise<void> };
  await probe.close();
  const real = proto.appendFile;
  const spy = vi.spyOn(proto, 'appendFile').mockImplementation(async function (this: unknown, data: string) {
    // A disk that fills up mid-append leaves part of the line behind.
    await real.call(this, data.slice(0, Math.ceil(data.length / 2)));
    throw Object.assign(new Error('ENOSPC: injected fault, write'), { code: 'ENOSPC', syscall: 'write' });
  });
  return () => spy.mockRestore();
}

async function claimOnDisk() {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', STORY);
  const start = STORY.indexOf('crime fell');
  await firstRefusal(service.applyChanges([createChange(doc.id, 'c1', start, start + 24, { labelId: 'claim' })]));
  return { dir, service, doc, history: path.join(dir, HISTORY_DIR, `${doc.id}.jsonl`) };
}

const linesOf = async (file: string) => (await fs.readFile(file, 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line));

describe('a claim change and its history line', () => {
  it('keeps the change off the disk while its line cannot be written, then writes both when sent again', async () => {
    const { dir, service, doc, history } = await claimOnDisk();

    restore = await failHistoryAppends(path.join(dir, 'probe'));
    await expect(service.applyChanges([noteOn(doc.id, 'Check the police figures')])).rejects.toMatchObject({ code: 'disk-full' });
    await service.store.flush();
    // Without its line the note is not written: a kill now loses the note, never the line alone.
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.note).toBe('');
    // The half line the full disk left was cut away.
    expect(await fs.readFile(history, 'utf8').catch(() => '')).toBe('');
    restore();
    restore = null;

    // The window's outbox sends the same change again once there is space.
    expect(await service.applyChanges([noteOn(doc.id, 'Check the police figures')])).toEqual({ applied: 1, refused: [] });
    expect((await annotationsOnDisk(dir, doc.id)).annotations[0]!.note).toBe('Check the police figures');
    expect((await linesOf(history)).map((line) => [line.field, line.from, line.to])).toEqual([['note', '', 'Check the police figures']]);

    // And the review desk shows it the same after a restart.
    const again = await ws.openService(dir);
    expect((await again.claimHistoryOf(doc.id, 'c1')).map((line) => [line.field, line.to, line.recovered])).toEqual([['note', 'Check the police figures', undefined]]);
  });

  it('writes the line before the annotations file, so the file never holds a change the history lacks', async () => {
    const { dir, service, doc, history } = await claimOnDisk();
    const annotationsFile = path.join(dir, 'annotations', `${doc.id}.json`);
    // Note what the history holds at the moment each new annotations file lands.
    const seen: { note: string; lines: number }[] = [];
    const realRename = fs.rename.bind(fs);
    const spy = vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (to === annotationsFile) {
        const file = JSON.parse(await fs.readFile(from, 'utf8')) as { annotations: { note: string }[] };
        seen.push({ note: file.annotations[0]!.note, lines: (await linesOf(history).catch(() => [])).length });
      }
      return realRename(from, to);
    });
    // A slow disk: each history append takes a while, so a write that does not wait would land first.
    const probe = await fs.open(path.join(dir, 'probe'), 'w');
    const proto = Object.getPrototypeOf(probe) as { appendFile: (data: string) => Promise<void> };
    await probe.close();
    const realAppend = proto.appendFile;
    const slow = vi.spyOn(proto, 'appendFile').mockImplementation(async function (this: unknown, data: string) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return realAppend.call(this, data);
    });
    restore = () => {
      spy.mockRestore();
      slow.mockRestore();
    };

    for (const note of ['one', 'two', 'three']) await firstRefusal(service.applyChanges([noteOn(doc.id, note)]));
    expect(seen.map((s) => s.note)).toEqual(['one', 'two', 'three']);
    expect(seen.map((s) => s.lines)).toEqual([1, 2, 3]);
  });
});
