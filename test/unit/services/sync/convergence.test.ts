// Convergence: three workspaces make seeded random edits (creates, deletes, verdicts, speaker
// merges), sync through child `annotator sync` processes that are sometimes killed mid-run,
// sometimes skip a round (offline); afterwards every workspace holds the same shared state (by a
// canonical hash) and every highlight made and never deleted is there.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { WorkspaceStore } from '../../../../electron/services/store/workspace-store.js';
import { allDocuments, documentHighlightDocs, workspaceDocs } from '../../../../electron/services/sync/local-docs.js';
import { hashOf } from '../../../../electron/services/sync/shared-docs.js';
import { memoryCredentials, TeamSync } from '../../../../electron/services/sync/team-sync.js';
import { bundleForNode } from '../../../helpers/bundle.js';
import { startCouchServer, type CouchServer } from '../../../helpers/couch-server.js';
import { NO_APP_CONFIG } from '../../../helpers/run-cli.js';
import { createChange, importText, useWorkspaces } from '../../../helpers/workspace.js';

const { tempDir } = useWorkspaces();
let server: CouchServer;
let cli: { file: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  cli = await bundleForNode(path.resolve('electron/hosts/cli/bin.ts'));
  server = await startCouchServer();
  await server.createDatabase('newsroom');
  await server.addAdmin('ed', 'pw');
});
afterAll(async () => {
  await server.stop();
  await cli.cleanup();
});

function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0) / 2 ** 32);
}

const TEXT = Array.from({ length: 60 }, (_, i) => `Line ${String(i).padStart(2, '0')} of the story.`).join('\n');

function sync(dir: string, killAfterMs: number | null): Promise<number | null> {
  const child = spawn(process.execPath, [cli.file, 'sync', '--store', dir, '--remote', `${server.url}/newsroom`], {
    env: { ...process.env, XDG_CONFIG_HOME: NO_APP_CONFIG, ANNOTATOR_SYNC_USER: 'ed', ANNOTATOR_SYNC_PASSWORD: 'pw' },
    stdio: 'ignore',
  });
  if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** The app between syncs: its engine started (so its hook follows each edit), not syncing. */
async function withService<T>(dir: string, work: (service: AnnotatorService) => Promise<T>): Promise<T> {
  const store = await WorkspaceStore.open(dir);
  const service = new AnnotatorService(store, 'browser');
  const engine = new TeamSync(service, memoryCredentials());
  await engine.start();
  try {
    return await work(service);
  } finally {
    await store.flush();
    await engine.close();
  }
}

async function sharedState(dir: string) {
  return withService(dir, async (service) => {
    const docs = workspaceDocs(service);
    for (const { doc } of allDocuments(service)) for (const [id, body] of await documentHighlightDocs(service, doc)) if (id.startsWith('highlight:')) docs.set(id, body);
    return docs;
  });
}
const sharedHash = async (dir: string) => hashOf([...(await sharedState(dir)).entries()].sort(([a], [b]) => (a < b ? -1 : 1)));

describe('convergence', () => {
  it('three workspaces, random edits, kills and offline rounds end with the same data everywhere', { timeout: 120_000 }, async () => {
    const next = random(Number(process.env.SYNC_SEED ?? 15));
    const dirs = [await tempDir('conv-a-'), await tempDir('conv-b-'), await tempDir('conv-c-')];
    let documentId = '';
    await withService(dirs[0]!, async (service) => {
      documentId = (await importText(service, 'story.txt', TEXT)).id;
      await service.applyChanges(['s0', 's1', 's2', 's3'].map((id) => ({ kind: 'createSpeaker', speakerId: id, name: `Speaker ${id}` })));
    });
    for (const dir of dirs.slice(1)) await withService(dir, async () => undefined);
    for (const dir of dirs) expect(await sync(dir, null)).toBe(0);
    for (const dir of dirs) expect(await sync(dir, null)).toBe(0);
    const created = new Set<string>();
    const deleted = new Set<string>();
    let serial = 0;
    for (let round = 0; round < 4; round++) {
      for (const [n, dir] of dirs.entries()) {
        await withService(dir, async (service) => {
          const doc = service.store.findDocument(documentId)!;
          const verdicts = service.store.data.statuses.map((s) => s.id);
          for (let e = 0; e < 4; e++) {
            const existing = await service.store.annotations(doc);
            const roll = next();
            const speakers = service.store.data.speakers.map((s) => s.id);
            if (roll < 0.45 || existing.length === 0) {
              const line = Math.floor(next() * 60);
              const id = `h${n}-${serial++}`;
              const claim = next() < 0.5;
              const { applied } = await service.applyChanges([
                createChange(documentId, id, line * 22, line * 22 + 7, {
                  speakerId: speakers[Math.floor(next() * speakers.length)] ?? null,
                  ...(claim && { labelId: 'claim', claim: { checkWorthiness: null, status: verdicts[0]!, sources: [], tags: [] } }),
                }),
              ]);
              if (applied) created.add(id);
            } else if (roll < 0.6) {
              const victim = existing[Math.floor(next() * existing.length)]!;
              await service.applyChanges([{ kind: 'deleteAnnotation', documentId, annotationId: victim.id }]);
              deleted.add(victim.id);
            } else if (roll < 0.9) {
              const claims = existing.filter((a) => a.claim);
              const target = claims[Math.floor(next() * claims.length)];
              if (target) await service.applyChanges([{ kind: 'updateAnnotation', documentId, annotationId: target.id, claim: { status: verdicts[Math.floor(next() * verdicts.length)]! }, deskDecision: true }]);
            } else if (speakers.length > 2) {
              await service.applyChanges([{ kind: 'mergeSpeakers', survivorId: speakers[0]!, mergedId: speakers[speakers.length - 1]! }]);
            }
          }
        });
        const offline = next() < 0.2;
        if (!offline) {
          // Killed at a random moment now and then; the next sync finishes what it left.
          const code = await sync(dir, next() < 0.35 ? 200 + Math.floor(next() * 900) : null);
          if (code !== 0) expect(await sync(dir, null)).toBe(0);
        }
      }
    }
    for (let r = 0; r < 3; r++) for (const dir of dirs) expect(await sync(dir, null)).toBe(0);
    const hashes = await Promise.all(dirs.map(sharedHash));
    if (process.env.SYNC_DEBUG) {
      const states = await Promise.all(dirs.map(sharedState));
      for (const id of new Set(states.flatMap((s) => [...s.keys()]))) {
        const bodies = states.map((s) => JSON.stringify(s.get(id) ?? null));
        if (new Set(bodies).size > 1) console.log(id, bodies);
      }
    }
    expect(new Set(hashes).size).toBe(1);
    const kept = [...created].filter((id) => !deleted.has(id));
    for (const dir of dirs) {
      const ids = await withService(dir, async (service) => (await service.store.annotations(service.store.findDocument(documentId)!)).map((a) => a.id));
      expect(ids).toEqual(expect.arrayContaining(kept));
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});
