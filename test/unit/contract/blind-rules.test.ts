// The one rule for who sees which highlight under blind annotation.
import { describe, expect, it } from 'vitest';
import { blindViewOf, isDeskReview, isDoneBy, visibleTo } from '../../../electron/contract/blind-rules.js';

const ana = { id: 'p-ana', name: 'Ana' };
const ben = { id: 'p-ben', name: 'Ben' };
const byAna = { author: 'Ana', authorId: 'p-ana' };
const byAnaOld = { author: 'Ana' };
const byBen = { author: 'Ben', authorId: 'p-ben' };
const byNobody = { author: '' };
const open = { blind: false, doneByPerson: false };
const blind = { blind: true, doneByPerson: false };
const done = { blind: true, doneByPerson: true };

describe('visibleTo', () => {
  it('shows everything when the workspace is not blind, to anyone (even no one)', () => {
    for (const person of [ana, null]) for (const h of [byAna, byBen, byNobody]) expect(visibleTo(h, person, open)).toBe(true);
  });
  it('shows a person only their own while blind: by id, and by name for highlights with no id', () => {
    expect(visibleTo(byAna, ana, blind)).toBe(true);
    expect(visibleTo(byAnaOld, ana, blind)).toBe(true);
    expect(visibleTo(byBen, ana, blind)).toBe(false);
    expect(visibleTo(byNobody, ana, blind)).toBe(false);
    // Another person who happens to share the name is not Ana, when the highlight has her id.
    expect(visibleTo(byAna, { id: 'p-ana-2', name: 'Ana' }, blind)).toBe(false);
  });
  it('shows a person with no name yet no one’s highlights while blind', () => {
    for (const h of [byAna, byBen, byNobody]) expect(visibleTo(h, null, blind)).toBe(false);
  });
  it('shows everyone’s once the person marked the document done', () => {
    for (const h of [byAna, byBen, byNobody]) expect(visibleTo(h, ana, done)).toBe(true);
  });
});

describe('isDoneBy and blindViewOf', () => {
  const doc = { doneBy: [{ personId: 'p-ana', name: 'Ana (old name)', at: '2026-01-01T00:00:00Z' }] };
  it('knows done by the person’s id, so a rename keeps it; no one is done without a person', () => {
    expect(isDoneBy(doc, ana)).toBe(true);
    expect(isDoneBy(doc, { id: 'p-ana', name: 'Ana Ortiz' })).toBe(true);
    expect(isDoneBy(doc, ben)).toBe(false);
    expect(isDoneBy(doc, { id: 'p-x', name: 'Ana (old name)' })).toBe(false);
    expect(isDoneBy(doc, null)).toBe(false);
    expect(isDoneBy({}, ana)).toBe(false);
  });
  it('builds the view from the setting and the person’s done', () => {
    expect(blindViewOf(doc, ana, true)).toEqual({ blind: true, doneByPerson: true });
    expect(blindViewOf(doc, ben, true)).toEqual({ blind: true, doneByPerson: false });
    expect(blindViewOf(doc, ben, false)).toEqual({ blind: false, doneByPerson: false });
  });
});

describe('isDeskReview', () => {
  const update = (fields: object) => ({ kind: 'updateAnnotation' as const, documentId: 'd', annotationId: 'h', ...fields });
  it('is the desk’s review of a claim: its verdict, note, summary and conflicts, a desk decision or not', () => {
    expect(isDeskReview(update({ claim: { status: 'false' }, deskDecision: true }))).toBe(true);
    expect(isDeskReview(update({ claim: { status: 'false' } }))).toBe(true);
    expect(isDeskReview(update({ claim: { reviewerNote: 'checked', publicSummary: 'Rose.' } }))).toBe(true);
    expect(isDeskReview(update({ claim: { status: 'false', conflicts: [] }, deskDecision: true }))).toBe(true);
  });
  it('is not when it touches the annotator’s work: claim tags, sources, check-worthiness, or any other field', () => {
    expect(isDeskReview(update({ claim: { tags: ['tax'] }, deskDecision: true }))).toBe(false);
    expect(isDeskReview(update({ claim: { status: 'false', sources: [] }, deskDecision: true }))).toBe(false);
    expect(isDeskReview(update({ claim: { checkWorthiness: 'high' } }))).toBe(false);
    expect(isDeskReview(update({ claim: { status: 'false' }, note: 'mine' }))).toBe(false);
    expect(isDeskReview(update({ labelId: 'claim' }))).toBe(false);
  });
});

describe('the annotator filter', async () => {
  const { ONLY_MINE, annotatorChoiceOf, annotatorChoices, passesAnnotator } = await import('../../../electron/contract/annotator-filter.js');
  const highlights = [byAna, byBen, byAnaOld, byNobody];
  it('offers each name with its count, most first', () => {
    expect(annotatorChoices(highlights)).toEqual([
      { value: annotatorChoiceOf('Ana'), name: 'Ana', count: 2 },
      { value: annotatorChoiceOf(''), name: '', count: 1 },
      { value: annotatorChoiceOf('Ben'), name: 'Ben', count: 1 },
    ]);
  });
  it('lets everything through for everyone, the person’s own for "only mine", a name’s for a person', () => {
    expect(highlights.filter((h) => passesAnnotator(h, '', null))).toHaveLength(4);
    expect(highlights.filter((h) => passesAnnotator(h, ONLY_MINE, ana))).toEqual([byAna, byAnaOld]);
    expect(highlights.filter((h) => passesAnnotator(h, ONLY_MINE, null))).toEqual([]);
    expect(highlights.filter((h) => passesAnnotator(h, annotatorChoiceOf('Ben'), ana))).toEqual([byBen]);
    expect(highlights.filter((h) => passesAnnotator(h, annotatorChoiceOf(''), ana))).toEqual([byNobody]);
  });
});
