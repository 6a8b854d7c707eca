// Where annotators disagree: each kind on a small hand-made document, then the method through
// the handlers (the real store, authors written as the API writes them) and its validation.
import { describe, expect, it } from 'vitest';
import { annotatorApiSchema, type Annotation, type ClaimFields } from '../../../../electron/contract/api.js';
import { documentDisagreements, layersOf, type VersionNames } from '../../../../electron/services/exports/disagreements.js';
import { browserHostOnlyMethods, createApiHandlers } from '../../../../electron/services/handlers/api-handlers.js';
import { importText, useWorkspaces } from '../../../helpers/workspace.js';

const TEXT = '😀 “Taxes fell,” said Ana Ruiz. Rents doubled.';
const at = (part: string) => ({ start: TEXT.indexOf(part), end: TEXT.indexOf(part) + part.length, text: part });
let n = 0;
const h = (author: string, part: string, labelId: string, extra: Partial<Annotation> = {}): Annotation => ({
  id: `h${++n}`,
  documentId: 'doc',
  labelId,
  ...at(part),
  prefix: '',
  suffix: '',
  speakerId: null,
  note: '',
  author,
  createdAt: '',
  updatedAt: '',
  ...extra,
});
const claim = (status: string): ClaimFields => ({ checkWorthiness: null, status, sources: [], tags: [] });
const names: VersionNames = { label: (id) => id.toUpperCase(), speaker: (id) => `Speaker ${id}`, status: (id) => `Status ${id}` };
const found = (annotations: Annotation[]) => documentDisagreements('doc', layersOf(annotations), names);

describe('disagreements within a document', () => {
  it('a span only one person marked: which person, which label, the text', () => {
    const ana = h('Ana', 'Taxes fell', 'quote');
    const list = found([ana, h('Ben', 'Rents doubled', 'claim', { claim: claim('unreviewed') })]);
    expect(list.map((d) => [d.kind, d.text])).toEqual([
      ['unmatched', 'Taxes fell'],
      ['unmatched', 'Rents doubled'],
    ]);
    expect(list[0]!.versions).toEqual([
      { layer: 'Ana', annotationId: ana.id, valueId: 'quote', value: 'QUOTE' },
      { layer: 'Ben', annotationId: null, valueId: null, value: null },
    ]);
  });

  it('offsets are the app’s UTF-16 ones: an emoji before the span shifts nothing', () => {
    const [d] = found([h('Ana', 'Taxes fell', 'quote'), h('Ben', 'Ana Ruiz', 'speaker')]);
    // "😀" is two UTF-16 units, then a space and “: the span starts at 4, not 3 (code points).
    expect(d!.start).toBe(4);
    expect(TEXT.slice(d!.start, d!.end)).toBe('Taxes fell');
  });

  it('the same span with different labels; a span one boundary apart is not the same span', () => {
    const list = found([h('Ana', 'Taxes fell', 'quote'), h('Ben', 'Taxes fell', 'claim', { claim: claim('unreviewed') }), h('Ben', 'Ana Ruiz', 'speaker'), h('Ana', 'Ana Rui', 'speaker')]);
    expect(list.map((d) => [d.kind, d.text])).toEqual([
      ['label', 'Taxes fell'],
      ['unmatched', 'Ana Rui'],
      ['unmatched', 'Ana Ruiz'],
    ]);
    expect(list[0]!.versions.map((v) => [v.layer, v.value])).toEqual([
      ['Ana', 'QUOTE'],
      ['Ben', 'CLAIM'],
    ]);
  });

  it('the same span and label with different speakers, by name (none as null)', () => {
    const list = found([h('Ana', 'Taxes fell', 'quote', { speakerId: 'spk-1' }), h('Ben', 'Taxes fell', 'quote', { speakerId: 'spk-2' }), h('Ana', 'Rents doubled', 'quote', { speakerId: 'spk-1' }), h('Ben', 'Rents doubled', 'quote')]);
    expect(list.map((d) => [d.kind, d.label, d.text, d.versions.map((v) => v.value)])).toEqual([
      ['speaker', 'QUOTE', 'Taxes fell', ['Speaker spk-1', 'Speaker spk-2']],
      ['speaker', 'QUOTE', 'Rents doubled', ['Speaker spk-1', null]],
    ]);
  });

  it('the same claim with different verdicts, by status name; agreement gives nothing', () => {
    const list = found([h('Ana', 'Rents doubled', 'claim', { claim: claim('false') }), h('Ben', 'Rents doubled', 'claim', { claim: claim('true') }), h('Ana', 'Taxes fell', 'quote'), h('Ben', 'Taxes fell', 'quote')]);
    expect(list.map((d) => [d.kind, d.versions.map((v) => [v.layer, v.valueId, v.value])])).toEqual([
      ['verdict', [['Ana', 'false', 'Status false'], ['Ben', 'true', 'Status true']]],
    ]);
  });

  it('three layers: a span two of them marked is unmatched, with each layer’s version', () => {
    const list = found([h('Ana', 'Taxes fell', 'quote'), h('Ben', 'Taxes fell', 'quote'), h('Cleo', 'Rents doubled', 'claim', { claim: claim('true') })]);
    expect(list.map((d) => [d.kind, d.text, d.versions.map((v) => v.value)])).toEqual([
      ['unmatched', 'Taxes fell', ['QUOTE', 'QUOTE', null]],
      ['unmatched', 'Rents doubled', [null, null, 'CLAIM']],
    ]);
  });

  it('one layer alone disagrees with nobody', () => {
    expect(found([h('Ana', 'Taxes fell', 'quote')])).toEqual([]);
  });
});

describe('listDisagreements', () => {
  const ws = useWorkspaces();

  async function twoAnnotators() {
    const service = await ws.openService();
    const doc = await importText(service, 'rents.txt', TEXT);
    const change = (author: string, id: string, part: string, labelId: string) => ({ kind: 'createAnnotation', documentId: doc.id, annotationId: id, labelId, ...at(part), author });
    const result = await service.applyChanges([
      { kind: 'createSpeaker', speakerId: 'spk-ana', name: 'Ana Ruiz' },
      change('Ana', 'a1', 'Taxes fell', 'quote'),
      change('Ben', 'b1', 'Taxes fell', 'claim'),
      { ...change('Ana', 'a2', 'Ana Ruiz', 'speaker'), speakerId: 'spk-ana' },
      change('Ben', 'b2', 'Ana Ruiz', 'speaker'),
      change('Ana', 'a3', 'Rents doubled', 'claim'),
      change('Ben', 'b3', 'Rents doubled', 'claim'),
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'b3', claim: { status: 'false' } },
      change('Ben', 'b4', 'said', 'quote'),
    ]);
    expect(result.refused).toEqual([]);
    return { handlers: createApiHandlers(service, browserHostOnlyMethods), doc };
  }

  it('lists each kind with names, counts by kind, and caps the list with how many more', async () => {
    const { handlers, doc } = await twoAnnotators();
    const report = await handlers.listDisagreements({});
    expect(annotatorApiSchema.listDisagreements.result.parse(report)).toEqual(report);
    expect(report.layers).toEqual(['Ana', 'Ben']);
    expect(report.counts).toEqual({ unmatched: 1, label: 1, speaker: 1, verdict: 1 });
    expect(report.documents).toEqual([{ documentId: doc.id, title: 'rents', layers: ['Ana', 'Ben'], counts: report.counts }]);
    expect(report.disagreements.map((d) => [d.kind, d.text, d.versions.map((v) => v.value)])).toEqual([
      ['label', 'Taxes fell', ['Quote', 'Claim']],
      ['unmatched', 'said', [null, 'Quote']],
      ['speaker', 'Ana Ruiz', ['Ana Ruiz', null]],
      ['verdict', 'Rents doubled', ['Unreviewed', 'False']],
    ]);
    const capped = await handlers.listDisagreements({ limit: 1 });
    expect([capped.disagreements.length, capped.more]).toEqual([1, 3]);
    const verdicts = await handlers.listDisagreements({ kinds: ['verdict'] });
    expect([verdicts.disagreements.map((d) => d.kind), verdicts.more, verdicts.counts.label]).toEqual([['verdict'], 0, 1]);
  });

  it('refuses bad arguments with what to do, and names that annotate nothing', async () => {
    const { handlers } = await twoAnnotators();
    const args = annotatorApiSchema.listDisagreements.args;
    expect(args.safeParse({ kinds: ['guess'] }).success).toBe(false);
    expect(args.safeParse({ limit: 0 }).success).toBe(false);
    expect(args.safeParse({ limit: 5001 }).error?.issues[0]?.message).toMatch(/at most 5000/);
    expect(args.safeParse({ authors: ['Ana'] }).error?.issues[0]?.message).toMatch(/two or more annotators/);
    expect(args.safeParse({ extra: 1 }).success).toBe(false);
    await expect(handlers.listDisagreements({ authors: ['Ana', 'Zed'] })).rejects.toThrow(/No highlight in this workspace is by "Zed"/);
    await expect(handlers.listDisagreements({ documentIds: ['doc-nope'] })).rejects.toThrow(/No document with id doc-nope/);
  });
});
