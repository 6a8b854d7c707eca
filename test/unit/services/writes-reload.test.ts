// Every write the API accepts must read back: a value the loader refuses would make the
// workspace open read-only next time. Each case writes, then opens the folder afresh.
import { describe, expect, it } from 'vitest';
import { SPEAKER_LIMITS, type Change } from '../../../electron/contract/api.js';
import { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { createMemoryClient } from '../../helpers/memory-client.js';
import { importText, useWorkspaces } from '../../helpers/workspace.js';

const { tempDir, openService, openStore } = useWorkspaces();

/** What a fresh open of `dir` shows; it must not be read-only. */
async function reopened(dir: string) {
  const store = await openStore(dir);
  expect(store.problem, 'the workspace opened read-only').toBeNull();
  expect(store.readOnly).toBe(false);
  return new AnnotatorService(store, 'browser').getSession();
}

async function withSpeakers(a: Partial<Extract<Change, { kind: 'createSpeaker' }>>, b: Partial<Extract<Change, { kind: 'createSpeaker' }>>) {
  const dir = await tempDir('annotator-ws-');
  const service = await openService(dir);
  const { refused } = await service.applyChanges([
    { kind: 'createSpeaker', speakerId: 'spk-a', name: 'Robert Wood', ...a },
    { kind: 'createSpeaker', speakerId: 'spk-b', name: 'Bob Wood', ...b },
  ]);
  expect(refused).toEqual([]);
  return { dir, service };
}

const merge: Change = { kind: 'mergeSpeakers', survivorId: 'spk-a', mergedId: 'spk-b' };

describe('merging speakers stays within what loading accepts', () => {
  it('refuses a merge whose notes together pass the limit, keeping both speakers, and the workspace reloads', async () => {
    const { dir, service } = await withSpeakers({ notes: 'a'.repeat(3000) }, { notes: 'b'.repeat(2208) });
    const { refused } = await service.applyChanges([merge]);
    expect(refused.map((r) => r.message)).toEqual([
      "The merged notes would be 5,210 characters; the limit is 5,000. Shorten one speaker's notes first.",
    ]);
    const before = (await service.getSession()).speakers;
    expect(before.map((s) => s.id)).toEqual(['spk-a', 'spk-b']);
    await service.store.flush();
    expect((await reopened(dir)).speakers).toEqual(before);
  });

  it('merges notes that together just fit, and the workspace reloads with them', async () => {
    // 2,500 + the blank line between + 2,498 = 5,000.
    const { dir, service } = await withSpeakers({ notes: 'a'.repeat(2500) }, { notes: 'b'.repeat(2498) });
    expect((await service.applyChanges([merge])).refused).toEqual([]);
    const after = (await service.getSession()).speakers;
    expect(after.map((s) => s.notes.length)).toEqual([SPEAKER_LIMITS.notes]);
    await service.store.flush();
    expect((await reopened(dir)).speakers).toEqual(after);
  });

  it('refuses a merge whose other names together pass the limit, and the workspace reloads', async () => {
    const names = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix} ${i}`);
    const { dir, service } = await withSpeakers({ aliases: names('A') }, { aliases: names('B') });
    const { refused } = await service.applyChanges([merge]);
    // 30 + "Bob Wood" + 30.
    expect(refused.map((r) => r.message)).toEqual([
      'The merged speaker would have 61 other names; the limit is 50. Remove some of either speaker’s other names first.',
    ]);
    const before = (await service.getSession()).speakers;
    expect(before).toHaveLength(2);
    await service.store.flush();
    expect((await reopened(dir)).speakers).toEqual(before);
  });

  it('counts a name the two share once, so a merge of overlapping names that fits goes through', async () => {
    const shared = Array.from({ length: 40 }, (_, i) => `Wood ${i}`);
    const { dir, service } = await withSpeakers({ aliases: shared }, { aliases: [...shared, 'Bobby'] });
    expect((await service.applyChanges([merge])).refused).toEqual([]);
    const after = (await service.getSession()).speakers;
    expect(after[0]!.aliases).toHaveLength(42);
    await service.store.flush();
    expect((await reopened(dir)).speakers).toEqual(after);
  });
});

describe('importing a page whose canonical URL is too long to keep', () => {
  const page = (canonical: string, ogUrl?: string) =>
    `<!doctype html><html><head><title>Council vote</title><link rel="canonical" href="${canonical}">` +
    (ogUrl ? `<meta property="og:url" content="${ogUrl}">` : '') +
    `</head><body><article><p>The council voted on Tuesday to close the library.</p></article></body></html>`;

  it('imports the page without the URL, and the workspace reloads', async () => {
    const dir = await tempDir('annotator-ws-');
    const service = await openService(dir);
    const doc = await importText(service, 'vote.html', page(`https://example.org/${'x'.repeat(2100)}`));
    expect(doc.sourceUrl).toBeNull();
    await service.store.flush();
    expect((await reopened(dir)).documents).toEqual([doc]);
  });

  it('takes the og:url instead when that one fits', async () => {
    const dir = await tempDir('annotator-ws-');
    const service = await openService(dir);
    const doc = await importText(service, 'vote.html', page(`https://example.org/${'x'.repeat(2100)}`, 'https://example.org/vote'));
    expect(doc.sourceUrl).toBe('https://example.org/vote');
    await service.store.flush();
    expect((await reopened(dir)).documents).toEqual([doc]);
  });
});

describe('a document added to the store', () => {
  it('is kept without a source URL or path too long for loading, so the workspace reloads', async () => {
    const dir = await tempDir('annotator-ws-');
    const store = await openStore(dir);
    const { document } = await store.addDocument('a.txt', 'A', 'Some text.', {
      sourceUrl: `https://example.org/${'x'.repeat(2100)}`,
      filePath: `/${'d/'.repeat(2100)}a.txt`,
    });
    expect([document.sourceUrl, document.filePath]).toEqual([null, null]);
    await store.flush();
    expect((await reopened(dir)).documents).toEqual([document]);
  });
});

describe('the in-memory API the window is tested on', () => {
  it('refuses the same merge with the same words, and merges notes as the service does', async () => {
    const client = createMemoryClient({ labels: [], documents: [] });
    const speakers = (notesA: string, notesB: string): Change[] => [
      { kind: 'createSpeaker', speakerId: 'spk-a', name: 'Robert Wood', notes: notesA },
      { kind: 'createSpeaker', speakerId: 'spk-b', name: 'Bob Wood', notes: notesB },
    ];
    await client.applyChanges({ changes: speakers('a'.repeat(3000), 'b'.repeat(2208)) });
    expect((await client.applyChanges({ changes: [merge] })).refused.map((r) => r.message)).toEqual([
      "The merged notes would be 5,210 characters; the limit is 5,000. Shorten one speaker's notes first.",
    ]);
    const other = createMemoryClient({ labels: [], documents: [] });
    await other.applyChanges({ changes: [...speakers('Met in May.', 'Press office.'), merge] });
    expect((await other.getSession({})).speakers.map((s) => [s.aliases, s.notes])).toEqual([[['Bob Wood'], 'Met in May.\n\nPress office.']]);
  });
});
