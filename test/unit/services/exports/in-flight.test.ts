// Exports read their stories and write their files several at a time (issue 16: 1,000 stories,
// brat's 2,000 files): never more than the limit at once, every item done, and a failure stops
// new work and is thrown only once what was under way has settled.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachInFlight } from '../../../../electron/services/exports/in-flight.js';
import { writeExport } from '../../../../electron/services/exports/write-export.js';
import { useTempDirs } from '../../../helpers/temp-dirs.js';

const tempDir = useTempDirs();

/** Resolves after a turn of the event loop, so other lanes run meanwhile. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('eachInFlight', () => {
  it('runs up to the limit at once, never more, and does every item once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachInFlight([...Array(50).keys()], 16, async (item) => {
      most = Math.max(most, ++running);
      await turn();
      done.push(item);
      running--;
    });
    expect(most).toBe(16);
    expect(done.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
  });

  it('starts nothing after a failure, and throws it once the items under way have finished', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = eachInFlight([...Array(40).keys()], 4, async (item) => {
      started.push(item);
      await turn();
      if (item === 5) throw new Error('disk full');
      await turn();
      finished.push(item);
    });
    await expect(run).rejects.toThrow('disk full');
    expect(started.length).toBeLessThan(12);
    // Everything started but the failed one had finished when the error came.
    expect(finished.sort((a, b) => a - b)).toEqual(started.filter((item) => item !== 5).sort((a, b) => a - b));
  });
});

describe('writeExport of a folder', () => {
  it('writes every file, in its part folders, with its bytes, and leaves no temporary file', async () => {
    const out = path.join(await tempDir(), 'brat');
    const files = Array.from({ length: 300 }, (_, i) => ({ name: `${['train', 'dev', 'test'][i % 3]}/story-${i}.ann`, content: `T1\tQuote 0 ${i}\té ${i}\n` }));
    await writeExport({ files, folder: true }, out);
    for (const part of ['train', 'dev', 'test']) expect((await fs.readdir(path.join(out, part))).length).toBe(100);
    for (const file of files) expect(await fs.readFile(path.join(out, file.name), 'utf8')).toBe(file.content);
  });
});
