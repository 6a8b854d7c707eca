// The engine's state beside the replica: reflections kept as an appended journal, read back whole.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SyncState } from '../../../../electron/services/sync/sync-state.js';

const dirs: string[] = [];
afterEach(async () => Promise.all(dirs.splice(0).map((dir) => fs.rm(dir, { recursive: true, force: true }))));
async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sync-state-'));
  dirs.push(dir);
  return dir;
}
const journalLines = async (dir: string) => (await fs.readFile(path.join(dir, 'reflected.jsonl'), 'utf8')).split('\n').filter(Boolean);

describe('sync state', () => {
  it('appends only what changed since the last save, and reads every reflection back', async () => {
    const dir = await tempDir();
    const state = new SyncState(dir);
    await state.load();
    for (let i = 0; i < 50; i++) state.reflect(`highlight:doc:q${i}`, `1-${i}`, `hash${i}`);
    await state.save();
    state.reflect('highlight:doc:q7', '2-7', 'changed');
    await state.save();
    expect(await journalLines(dir)).toHaveLength(51);
    expect(JSON.parse(await fs.readFile(path.join(dir, 'state.json'), 'utf8')).reflected).toEqual({});
    const again = new SyncState(dir);
    await again.load();
    expect(Object.keys(again.data.reflected)).toHaveLength(50);
    expect(again.data.reflected['highlight:doc:q7']).toEqual({ rev: '2-7', hash: 'changed' });
  });

  it('skips a line a kill cut short, keeping the rest', async () => {
    const dir = await tempDir();
    const state = new SyncState(dir);
    await state.load();
    state.reflect('speaker:a', '1-a', 'ha');
    await state.save();
    await fs.appendFile(path.join(dir, 'reflected.jsonl'), '["speaker:b","1-');
    const again = new SyncState(dir);
    await again.load();
    expect(again.data.reflected).toEqual({ 'speaker:a': { rev: '1-a', hash: 'ha' } });
  });

  it('moves reflections an older state.json held into the journal at the next save', async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, 'state.json'), JSON.stringify({ reflected: { 'label:quote': { rev: '3-x', hash: 'hq' } }, since: 12, deferred: [], mergedSpeakers: {}, lastSyncedAt: null }));
    const state = new SyncState(dir);
    await state.load();
    state.reflect('label:claim', '1-y', 'hc');
    await state.save();
    const again = new SyncState(dir);
    await again.load();
    expect(again.data.reflected).toEqual({ 'label:quote': { rev: '3-x', hash: 'hq' }, 'label:claim': { rev: '1-y', hash: 'hc' } });
    expect(again.data.since).toBe(12);
  });

  it('writes the journal again whole once it has grown well past what it describes', async () => {
    const dir = await tempDir();
    const state = new SyncState(dir);
    await state.load();
    for (let round = 0; round < 30; round++) {
      for (let i = 0; i < 100; i++) state.reflect(`highlight:doc:q${i}`, `${round + 1}-${i}`, `h${round}`);
      await state.save();
    }
    expect((await journalLines(dir)).length).toBeLessThanOrEqual(2 * 100 + 1000);
    const again = new SyncState(dir);
    await again.load();
    expect(again.data.reflected['highlight:doc:q5']).toEqual({ rev: '30-5', hash: 'h29' });
  });
});
