// Kill -9 a writer at random moments, hundreds of times, and check after each kill that every
// store file still parses and opens, and that every highlight the writer was told is saved is
// on disk. The writer is restarted on the same folder each time, so stale locks, leftover temp
// files, backups and their pruning are all exercised. CRASH_KILLS sets the number of kills
// (default 200); CRASH_SEED replays a run's choices (timing still varies).
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceStore } from '../../electron/services/workspace-store.js';
import { bundleForNode } from '../helpers/bundle.js';
import { seededRandom as rng } from '../../electron/services/exports/splits.js';

const KILLS = Number(process.env.CRASH_KILLS ?? 200);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));

let writer: Awaited<ReturnType<typeof bundleForNode>>;
let dir: string;

beforeAll(async () => {
  writer = await bundleForNode(path.resolve('test/crash/writer.ts'));
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-crash-'));
});

afterAll(async () => {
  await writer?.cleanup();
  await fs.rm(dir, { recursive: true, force: true });
  await fs.rm(`${dir}-check`, { recursive: true, force: true });
});


/** Runs the writer until a random moment, kills it with SIGKILL, and returns every line it wrote. */
function runAndKill(childSeed: number, random: () => number): Promise<{ lines: string[]; killedEarly: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer.file, dir, String(childSeed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (timer === null && out.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), random() * 150);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    let timer: NodeJS.Timeout | null = null;
    // One kill in ten lands while the writer is still starting (opening, importing, taking the lock).
    const killedEarly = random() < 0.1;
    if (killedEarly) timer = setTimeout(() => child.kill('SIGKILL'), random() * 120);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (code ${code}): ${out.split('\n').slice(-3).join(' | ')} ${err}`));
      else resolve({ lines: out.split('\n').slice(0, -1), killedEarly });
    });
  });
}

async function filesUnder(root: string): Promise<string[]> {
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the store under kill -9', () => {
  it(`keeps every acknowledged highlight and stays readable through ${KILLS} kills`, { timeout: 600_000 }, async () => {
    console.log(`store crash test: seed ${SEED} (CRASH_SEED=${SEED} replays it), ${KILLS} kills`);
    const random = rng(SEED);
    /** Highlights acknowledged and not (possibly) deleted since. */
    const saved = new Set<string>();
    const maybeDeleted = new Set<string>();
    const notes = new Map<string, { acked: string | null; pending: Set<string> }>();
    const speakers = new Set<string>();
    let checks = 0;
    let leftoverTemps = 0;
    let tempsRemoved = 0;
    /** Temp files the last kill left; the next writer must clear them once it is open. */
    let temps: string[] = [];
    const started = Date.now();

    for (let kill = 0; kill < KILLS; kill++) {
      const { lines } = await runAndKill(SEED * 1000 + kill, random);
      if (lines.includes('ready')) {
        const remaining = new Set((await filesUnder(dir)).filter((file) => file.endsWith('.tmp')));
        for (const temp of temps) expect(remaining.has(temp), `${path.relative(dir, temp)} outlived the next writer (seed ${SEED})`).toBe(false);
        tempsRemoved += temps.length;
      }
      for (const line of lines) {
        const [what, id, note] = line.split(' ') as [string, string, string | undefined];
        if (what === 'ack') saved.add(id);
        else if (what === 'deleting') maybeDeleted.add(id);
        else if (what === 'del') saved.delete(id);
        else if (what === 'spk') speakers.add(id);
        else if (what === 'noting') {
          const entry = notes.get(id) ?? { acked: null, pending: new Set<string>() };
          entry.pending.add(note!);
          notes.set(id, entry);
        } else if (what === 'note') {
          notes.set(id, { acked: note!, pending: new Set() });
        }
      }

      // Every store file parses as it lies on disk, backups included.
      const files = await filesUnder(dir);
      const newTemps = files.filter((file) => file.endsWith('.tmp'));
      temps = newTemps;
      leftoverTemps += newTemps.length;
      for (const file of files.filter((f) => f.endsWith('.json'))) {
        const content = await fs.readFile(file, 'utf8');
        expect(() => JSON.parse(content), `${path.relative(dir, file)} after kill ${kill + 1} (seed ${SEED})`).not.toThrow();
      }
      if (!files.some((file) => path.basename(file) === 'workspace.json')) {
        // Killed before the first save of a fresh workspace: nothing was acknowledged yet.
        expect(saved.size).toBe(0);
        continue;
      }

      // And it opens with the store itself, writable, with everything acknowledged in it. Opened
      // on a copy, so the next writer finds the folder exactly as the kill left it (temp files too).
      const copy = `${dir}-check`;
      await fs.rm(copy, { recursive: true, force: true });
      await fs.cp(dir, copy, { recursive: true });
      const store = await WorkspaceStore.open(copy);
      expect(store.problem, `after kill ${kill + 1} (seed ${SEED})`).toBeNull();
      const onDisk = new Map<string, { note: string }>();
      for (const doc of store.data.documents) {
        const text = await store.readText(doc);
        for (const annotation of await store.annotations(doc)) {
          expect(text.slice(annotation.start, annotation.end)).toBe(annotation.text);
          onDisk.set(annotation.id, annotation);
        }
      }
      for (const id of saved) {
        if (maybeDeleted.has(id)) continue;
        checks++;
        expect(onDisk.has(id), `acknowledged highlight ${id} is missing after kill ${kill + 1} (seed ${SEED})`).toBe(true);
        const note = notes.get(id);
        if (note?.acked) expect([note.acked, ...note.pending], `note of ${id} (seed ${SEED})`).toContain(onDisk.get(id)!.note);
      }
      const speakerIds = new Set(store.data.speakers.map((s) => s.id));
      for (const id of speakers) expect(speakerIds.has(id), `acknowledged speaker ${id} (seed ${SEED})`).toBe(true);
      expect(store.readOnly).toBe(false);
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(
      `store crash test: ${KILLS} kills, ${checks} acknowledged-highlight checks (${saved.size} highlights acknowledged and kept at the end), ` +
        `${speakers.size} speakers, ${leftoverTemps} leftover temp files seen (${tempsRemoved} cleared by the next writer), ${seconds} s`,
    );
    expect(saved.size).toBeGreaterThan(0);
  });
});
