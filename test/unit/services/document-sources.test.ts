// The service's side of documents as they arrive: metadata kept, transcripts' speakers,
// changed and missing source files, re-reading in another encoding, orphans placed by hand.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openedDocumentSchema } from '../../../electron/contract/api.js';
import { fromAnnotationColumns } from '../../../electron/contract/spans.js';
import { createApiHandlers, browserHostOnlyMethods } from '../../../electron/services/handlers/api-handlers.js';
import { openFilesFromPaths } from '../../../electron/services/documents/open-files.js';
import { annotationsOnDisk, createChange, expectApiError, firstRefusal, useWorkspaces, workspaceOnDisk } from '../../helpers/workspace.js';

const ws = useWorkspaces();

const STORY =
  'Headline\n\nThe mayor said "We will finish the dam by spring" and left.\n\nBob said "Nobody asked the farmers about it" later.\n\n' +
  'The council has argued about the dam for ten years and more.\n\nThe vote is on Friday at noon in the town hall.\n';

/** A workspace with story.txt opened from a path (so it is linked), and three quotes on it. */
async function linkedStory(text = STORY) {
  const dir = await ws.tempDir('annotator-src-');
  const folder = await ws.tempDir('annotator-files-');
  const filePath = path.join(folder, 'story.txt');
  await fs.writeFile(filePath, text);
  const service = await ws.openService(dir);
  const [outcome] = await openFilesFromPaths(service, [filePath]);
  const doc = outcome!.document!;
  const quotes = ['We will finish the dam by spring', 'Nobody asked the farmers about it', 'The vote is on Friday at noon'];
  await firstRefusal(service.applyChanges(quotes.map((q, i) => createChange(doc.id, `ann-${i}`, text.indexOf(q), text.indexOf(q) + q.length))));
  return { dir, filePath, service, doc, quotes };
}

const opened = async (service: Awaited<ReturnType<typeof linkedStory>>['service'], documentId: string) => {
  const result = openedDocumentSchema.parse(await service.openDocument(documentId));
  return { ...result, list: fromAnnotationColumns(result.annotations, documentId, result.text) };
};

describe('document metadata', () => {
  it('keeps the file path, format, encoding and date added of a file opened from a path', async () => {
    const { dir, filePath, doc } = await linkedStory();
    const stored = (await workspaceOnDisk(dir)).documents.find((d) => d.id === doc.id);
    expect(stored).toMatchObject({ filePath, fileName: 'story.txt', format: 'text', encoding: 'utf-8', sourceUrl: null });
    expect(Date.parse(stored!.addedAt)).not.toBeNaN();
  });

  it('keeps no path for an upload, and the page address for a web page', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const html = '<html><head><title>Dam</title><link rel="canonical" href="https://news.example/dam"></head><body><article><p>' + 'The council met on Tuesday and agreed on the dam. '.repeat(8) + '</p></article></body></html>';
    const doc = await service.importBytes('dam.html', new TextEncoder().encode(html));
    expect(doc).toMatchObject({ format: 'html', sourceUrl: 'https://news.example/dam', filePath: null });
  });
});

describe('transcripts', () => {
  const TRANSCRIPT = 'ANN LEE: We will finish the dam.\nBOB STONE: Nobody asked us.\nANN LEE: They were asked.\nMODERATOR: Thank you both.\n';

  it('adds each speaker once, matching existing names and aliases', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    await firstRefusal(service.applyChanges([{ kind: 'createSpeaker', speakerId: 'spk-bob', name: 'Bob Stone', aliases: ['BOB STONE'] }]));
    const doc = await service.importBytes('debate.txt', new TextEncoder().encode(TRANSCRIPT));
    expect(doc.format).toBe('transcript');
    const names = (await workspaceOnDisk(dir)).speakers.map((s) => s.name);
    expect(names).toEqual(['Bob Stone', 'ANN LEE', 'MODERATOR']);
  });

  it('tags every turn as a quote by its speaker, once', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const doc = await service.importBytes('debate.txt', new TextEncoder().encode(TRANSCRIPT));
    const first = await service.tagTranscriptLines(doc.id);
    expect(first.tagged).toBe(4);
    const again = await service.tagTranscriptLines(doc.id);
    expect(again.tagged).toBe(0);
    const speakers = new Map((await workspaceOnDisk(dir)).speakers.map((s) => [s.id, s.name]));
    const quotes = (await annotationsOnDisk(dir, doc.id)).annotations.map((a) => `${speakers.get(a.speakerId!)}|${a.labelId}|${a.text}`);
    expect(quotes).toEqual(['ANN LEE|quote|We will finish the dam.', 'BOB STONE|quote|Nobody asked us.', 'ANN LEE|quote|They were asked.', 'MODERATOR|quote|Thank you both.']);
  });

  it('says so when a document has no turns to tag', async () => {
    const { service, doc } = await linkedStory();
    await expectApiError(service.tagTranscriptLines(doc.id), 'not-found', /nothing to tag/);
  });
});

describe('a changed source file', () => {
  it('is re-anchored when the document is opened: moved, fuzzy and orphaned, with a report', async () => {
    const { dir, filePath, service, doc, quotes } = await linkedStory();
    const changed = 'New first paragraph.\n\n' + STORY.replace('finish the dam by spring', 'finish the dam by late spring').replace('Bob said "Nobody asked the farmers about it" later.\n\n', '');
    await fs.writeFile(filePath, changed);
    const result = await opened(service, doc.id);
    expect(result.source).toEqual({ state: 'linked', report: { unchanged: 0, moved: 1, fuzzy: 1, orphaned: 1 }, problem: null });
    expect(result.text).toBe(changed);
    const byId = new Map(result.list.map((a) => [a.id, a]));
    expect(byId.get('ann-2')).toMatchObject({ start: changed.indexOf(quotes[2]!), text: quotes[2] });
    expect(byId.get('ann-2')!.anchor).toBeUndefined();
    expect(byId.get('ann-0')).toMatchObject({ text: changed.slice(byId.get('ann-0')!.start, byId.get('ann-0')!.end), anchor: 'fuzzy' });
    expect(result.orphans.map((o) => o.text)).toEqual([quotes[1]]);
    // On disk too: the new snapshot, the text hash, and the orphan kept.
    const file = await annotationsOnDisk(dir, doc.id);
    const stored = (await workspaceOnDisk(dir)).documents[0]!;
    expect(file.textHash).toBe(stored.textHash);
    expect(stored.id).toBe(doc.id);
    expect(await fs.readFile(path.join(dir, 'texts', `${stored.textHash}.txt`), 'utf8')).toBe(changed);
    expect((file as unknown as { orphans: { id: string }[] }).orphans.map((o) => o.id)).toEqual(['ann-1']);
    expect(stored.annotationCount).toBe(2);
    // A second look finds nothing new.
    expect((await service.sources.check(service.requireDocument(doc.id))).report).toBeNull();
  });

  it('leaves everything as it was when the file did not change', async () => {
    const { service, doc } = await linkedStory();
    const result = await opened(service, doc.id);
    expect(result.source).toEqual({ state: 'linked', report: null, problem: null });
    expect(result.list).toHaveLength(3);
  });

  it('keeps the saved copy, and says why, when the changed file cannot be read', async () => {
    const { filePath, service, doc } = await linkedStory();
    await fs.writeFile(filePath, '');
    const result = await opened(service, doc.id);
    expect(result.source.problem).toMatch(/story\.txt changed on disk, but it cannot be read now: .*empty.*saved copy/);
    expect(result.text).toBe(STORY);
  });

  it('reports a missing file, and keeps the document readable and annotatable', async () => {
    const { filePath, service, doc } = await linkedStory();
    await fs.rm(filePath);
    const result = await opened(service, doc.id);
    expect(result.source.state).toBe('missing');
    expect(result.text).toBe(STORY);
    await firstRefusal(service.applyChanges([createChange(doc.id, 'ann-new', 0, 8)]));
  });

  it('relinks a moved file, re-anchoring when its text differs', async () => {
    const { filePath, service, doc } = await linkedStory();
    const handlers = createApiHandlers(service, browserHostOnlyMethods);
    await fs.rm(filePath);
    const moved = 'Moved story.\n\n' + STORY;
    const result = await handlers.relinkDocumentFile({ documentId: doc.id, fileName: 'story-v2.txt', contentBase64: Buffer.from(moved).toString('base64') });
    expect(result.report).toEqual({ unchanged: 0, moved: 3, fuzzy: 0, orphaned: 0 });
    expect(result.document).toMatchObject({ fileName: 'story-v2.txt', filePath: null });
    expect((await opened(service, doc.id)).text).toBe(moved);
  });

  it('lets the user place an orphan on the text they select, or discard one', async () => {
    const { dir, filePath, service, doc } = await linkedStory();
    const changed = STORY.replace('Bob said "Nobody asked the farmers about it" later.', 'Bob was not reached for comment.');
    await fs.writeFile(filePath, changed);
    await opened(service, doc.id);
    const start = changed.indexOf('Bob was not reached');
    await firstRefusal(service.applyChanges([{ kind: 'placeOrphan', documentId: doc.id, annotationId: 'ann-1', start, end: start + 19 }]));
    const file = await annotationsOnDisk(dir, doc.id);
    expect(file.annotations.find((a) => a.id === 'ann-1')).toMatchObject({ start, text: 'Bob was not reached', labelId: 'quote' });
    expect((file as unknown as { orphans: unknown[] }).orphans).toEqual([]);
    // Sent again after a reload: nothing doubles.
    await firstRefusal(service.applyChanges([{ kind: 'placeOrphan', documentId: doc.id, annotationId: 'ann-1', start, end: start + 19 }]));
    expect((await annotationsOnDisk(dir, doc.id)).annotations.filter((a) => a.id === 'ann-1')).toHaveLength(1);
  });

  it('confirming a fuzzy placement clears its flag', async () => {
    const { dir, filePath, service, doc } = await linkedStory();
    await fs.writeFile(filePath, STORY.replace('finish the dam by spring', 'finish the dam by late spring'));
    await opened(service, doc.id);
    expect((await annotationsOnDisk(dir, doc.id)).annotations.find((a) => a.id === 'ann-0')!.anchor).toBe('fuzzy');
    await firstRefusal(service.applyChanges([{ kind: 'updateAnnotation', documentId: doc.id, annotationId: 'ann-0', confirmAnchor: true }]));
    expect((await annotationsOnDisk(dir, doc.id)).annotations.find((a) => a.id === 'ann-0')!.anchor).toBeUndefined();
  });
});

describe('a linked document met again', () => {
  it('keeps its link when a copy of the same text is opened elsewhere, and moves it when its file is gone', async () => {
    const { filePath, service, doc } = await linkedStory();
    const copy = path.join(path.dirname(filePath), 'copy-story.txt');
    await fs.copyFile(filePath, copy);
    await openFilesFromPaths(service, [copy]);
    expect(service.requireDocument(doc.id)).toMatchObject({ filePath, fileName: 'story.txt' });
    await fs.rm(filePath);
    await openFilesFromPaths(service, [copy]);
    expect(service.requireDocument(doc.id)).toMatchObject({ filePath: copy, fileName: 'copy-story.txt' });
  });

  it('opens on its saved copy while the workspace is read-only, and reads the changed file once it is not', async () => {
    const { dir, filePath, service, doc } = await linkedStory();
    await service.store.flush();
    await fs.writeFile(path.join(dir, 'annotations', `${doc.id}.json`), '{"schemaVersion": 2, "annot');
    await fs.writeFile(filePath, 'A new first line.\n\n' + STORY);
    const reopened = await ws.openService(dir);
    const result = await opened(reopened, doc.id);
    expect(reopened.store.readOnly).toBe(true);
    expect(result.text).toBe(STORY);
    expect(result.source).toEqual({ state: 'linked', report: null, problem: null });
    // No backup to restore here: once the damaged file is moved aside, the changed file is read.
    await fs.rm(path.join(dir, 'annotations', `${doc.id}.json`));
    const afterwards = await ws.openService(dir);
    expect((await opened(afterwards, doc.id)).text).toBe('A new first line.\n\n' + STORY);
  });
});

describe('reading again in another encoding', () => {
  const LATIN = Buffer.from('Caf\xe9 owners said \x93no\x94 to the plan. The mayor said it costs 5 million \x80.\n', 'latin1');

  it('reads the linked file as the encoding the user chose', async () => {
    const dir = await ws.tempDir();
    const folder = await ws.tempDir();
    const filePath = path.join(folder, 'cafe.txt');
    await fs.writeFile(filePath, LATIN);
    const service = await ws.openService(dir);
    const document = (await openFilesFromPaths(service, [filePath]))[0]!.document!;
    expect(document.encoding).toBe('windows-1252');
    const result = await service.sources.reread(service.requireDocument(document.id), 'iso-8859-1');
    expect(result.document).toMatchObject({ encoding: 'iso-8859-1', encodingDetected: false });
    expect((await opened(service, document.id)).text).toContain('Café owners said \u0093no\u0094');
  });

  it('refuses bytes that are not in the chosen encoding, naming the byte, and changes nothing', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const doc = await service.importBytes('cafe.txt', LATIN);
    const error = await expectApiError(service.sources.reread(service.requireDocument(doc.id), 'utf-8', LATIN), 'not-utf8');
    expect(error.message).toMatch(/position 3|byte 3/);
    expect((await opened(service, doc.id)).text).toContain('Café');
  });

  it('asks for the file when the workspace does not know where it is', async () => {
    const dir = await ws.tempDir();
    const service = await ws.openService(dir);
    const doc = await service.importBytes('cafe.txt', LATIN);
    await expectApiError(service.sources.reread(service.requireDocument(doc.id), 'iso-8859-1'), 'not-found', /send "cafe\.txt" again/);
  });
});
