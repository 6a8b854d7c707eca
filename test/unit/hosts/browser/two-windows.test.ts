// Two browser windows on one browser host, each saving through its own change queue over real HTTP.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Change } from '../../../../electron/contract/api.js';
import { ANNOTATIONS_DIR, WorkspaceStore } from '../../../../electron/services/store/workspace-store.js';
import { createHttpClient } from '../../../../renderer/src/api/http-client.js';
import { ChangeQueue, type RefusedChange } from '../../../../renderer/src/state/change-queue.js';
import { useBrowserHosts } from '../../../helpers/browser-host.js';
import { annotationsOnDisk, createChange, importText, useWorkspaces, workspaceOnDisk } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const startHost = useBrowserHosts(ws);

async function start() {
  const { workspace, service, host } = await startHost('annotator-windows');
  const window = () => {
    const refused: RefusedChange[] = [];
    const queue = new ChangeQueue(createHttpClient(host.token, `http://127.0.0.1:${host.port}`), {
      onStatus: () => undefined,
      onUnreachable: () => undefined,
      onRefused: (list) => refused.push(...list),
    });
    return { queue, refused };
  };
  return { workspace, service, window };
}

const createSpeaker = (speakerId: string, name: string): Change => ({ kind: 'createSpeaker', speakerId, name });

describe('two windows on one browser host', () => {
  it('naming one person at once make one speaker, and both attributions land on it', async () => {
    const { workspace, service, window } = await start();
    const doc = await importText(service, 'story.txt', 'Robert Wood said the bridge opens in May.');
    const [a, b] = [window(), window()];
    a.queue.pushAll([createSpeaker('spk-a', 'Robert Wood'), createChange(doc.id, 'ann-a', 0, 11, { speakerId: 'spk-a' })]);
    b.queue.pushAll([createSpeaker('spk-b', ' robert   WOOD '), createChange(doc.id, 'ann-b', 12, 16, { speakerId: 'spk-b' })]);
    await Promise.all([a.queue.whenIdle(), b.queue.whenIdle()]);
    expect([a.refused, b.refused]).toEqual([[], []]);

    await service.store.flush();
    const reopened = await WorkspaceStore.open(workspace);
    expect(reopened.data.speakers.map((s) => s.name)).toEqual(['Robert Wood']);
    const [speaker] = (await workspaceOnDisk(workspace)).speakers;
    expect((await annotationsOnDisk(workspace, doc.id)).annotations.map((ann) => ann.speakerId)).toEqual([speaker!.id, speaker!.id]);
  });

  it('go on saving after one window’s change met a file from a newer app', async () => {
    const { workspace, service, window } = await start();
    const broken = await importText(service, 'broken.txt', 'The broken story.');
    const fine = await importText(service, 'fine.txt', 'The fine story.');
    await fs.writeFile(path.join(workspace, ANNOTATIONS_DIR, `${broken.id}.json`), JSON.stringify({ schemaVersion: 99, annotations: [] }));
    const [a, b] = [window(), window()];
    a.queue.push(createChange(broken.id, 'ann-broken', 4, 10));
    await a.queue.whenIdle();
    expect(a.refused.map((r) => [r.code, r.change])).toEqual([['store-error', createChange(broken.id, 'ann-broken', 4, 10)]]);
    a.queue.push(createChange(fine.id, 'ann-a', 4, 8));
    b.queue.push(createChange(fine.id, 'ann-b', 9, 14));
    await Promise.all([a.queue.whenIdle(), b.queue.whenIdle()]);
    expect([a.refused.length, b.refused]).toEqual([1, []]);
    expect((await annotationsOnDisk(workspace, fine.id)).annotations.map((ann) => ann.id)).toEqual(['ann-a', 'ann-b']);
  });
});
