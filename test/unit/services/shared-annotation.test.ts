// A highlight from the team's database made on another copy of its document's text: found again
// by the workspace's re-anchoring rule, or kept as an orphan, through the real service and store.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../electron/contract/api.js';
import { spanContext } from '../../../electron/contract/spans.js';
import type { AnnotatorService } from '../../../electron/services/annotator-service.js';
import { annotationsOnDisk, expectApiError, importText, useWorkspaces } from '../../helpers/workspace.js';

const ws = useWorkspaces();

const STORY =
  'Headline\n\nThe mayor said "We will finish the dam by spring" and left.\n\nBob said "Nobody asked the farmers about it" later.\n\n' +
  'The council has argued about the dam for ten years and more.\n\nThe vote is on Friday at noon in the town hall.\n';
const QUOTE = 'We will finish the dam by spring';

/** The highlight as another machine made it on its copy of the text. */
function madeOn(remoteText: string, documentId: string, quote = QUOTE, extra: Partial<Annotation> = {}): Annotation {
  const start = remoteText.indexOf(quote);
  const end = start + quote.length;
  return {
    id: 'q-remote',
    documentId,
    labelId: 'quote',
    start,
    end,
    text: quote,
    ...spanContext(remoteText, start, end),
    speakerId: null,
    note: 'from the desk',
    author: 'Person 2',
    authorId: 'p-2',
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:05:00.000Z',
    ...extra,
  };
}

/** A workspace holding `localText` as one document; the remote copy shares its id. */
async function workspaceWith(localText: string) {
  const dir = await ws.tempDir();
  const service = await ws.openService(dir);
  const doc = await importText(service, 'story.txt', localText);
  return { dir, service, doc };
}

const put = (service: AnnotatorService, shared: Annotation) => service.applyFromTeam((changes) => changes.putSharedAnnotation(shared));

describe('a highlight from the team, on this copy of its text', () => {
  it('is stored as sent where the text is at its place', async () => {
    const { dir, service, doc } = await workspaceWith(STORY);
    const shared = madeOn(STORY, doc.id);
    expect(await put(service, shared)).toBe('as-sent');
    const file = await annotationsOnDisk(dir, doc.id);
    expect(file.annotations).toEqual([shared]);
    expect(file.orphans).toEqual([]);
  });

  it('is moved where a sentence was inserted before it, keeping its id, author and note', async () => {
    const local = 'A new first paragraph the other copy lacks.\n\n' + STORY;
    const { dir, service, doc } = await workspaceWith(local);
    const shared = madeOn(STORY, doc.id);
    expect(await put(service, shared)).toBe('moved');
    const [stored] = (await annotationsOnDisk(dir, doc.id)).annotations;
    const start = local.indexOf(QUOTE);
    expect(stored).toEqual({ ...shared, start, end: start + QUOTE.length, ...spanContext(local, start, start + QUOTE.length) });
    expect(stored!.anchor).toBeUndefined();
    expect(service.requireDocument(doc.id).annotationCount).toBe(1);
  });

  it('is placed and flagged fuzzy where a word of it changed, with this copy’s text', async () => {
    const local = STORY.replace('finish the dam by spring', 'finish the dam by late spring');
    const { dir, service, doc } = await workspaceWith(local);
    expect(await put(service, madeOn(STORY, doc.id))).toBe('fuzzy');
    const [stored] = (await annotationsOnDisk(dir, doc.id)).annotations;
    expect(stored).toMatchObject({ id: 'q-remote', author: 'Person 2', note: 'from the desk', anchor: 'fuzzy', text: 'We will finish the dam by late spring' });
    expect(local.slice(stored!.start, stored!.end)).toBe(stored!.text);
  });

  it('is kept as an orphan, as sent, where its text is nowhere; a later version that fits places it', async () => {
    const local = STORY.replace('The mayor said "We will finish the dam by spring" and left.\n\n', '');
    const { dir, service, doc } = await workspaceWith(local);
    const shared = madeOn(STORY, doc.id);
    expect(await put(service, shared)).toBe('orphaned');
    let file = await annotationsOnDisk(dir, doc.id);
    expect(file.annotations).toEqual([]);
    expect(file.orphans).toEqual([shared]);
    expect((await service.openDocument(doc.id)).orphans.map((o) => o.id)).toEqual(['q-remote']);
    // The other machine moved it onto text this copy holds: placed, and no orphan left behind.
    const moved = madeOn(STORY, doc.id, 'Nobody asked the farmers about it');
    expect(await put(service, moved)).toBe('moved');
    file = await annotationsOnDisk(dir, doc.id);
    expect(file.annotations.map((a) => [a.id, a.text])).toEqual([['q-remote', 'Nobody asked the farmers about it']]);
    expect(file.orphans).toEqual([]);
  });

  it('is refused, saying why, when it names a label this workspace lacks', async () => {
    const { service, doc } = await workspaceWith(STORY);
    await expectApiError(put(service, madeOn(STORY, doc.id, QUOTE, { labelId: 'rumour' })), 'bad-request', /no label "rumour"/);
    expect(await service.store.annotations(service.requireDocument(doc.id))).toEqual([]);
  });
});
