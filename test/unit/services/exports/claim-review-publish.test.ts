// Publishing right, parsed back from the ClaimReview export: the public summary is published and
// the private reviewer note never is; a verdict with no rating is published by name only; a claim
// two annotators tagged is published once (or, while their verdicts disagree, not at all); and the
// story's own date and details describe where the claim appeared.
import { describe, expect, it } from 'vitest';
import { DEFAULT_STATUSES, VERSIONS_DISAGREE_REASON, claimVersionGroups, verdictRating } from '../../../../electron/contract/api.js';
import { toClaimReview, toClaimsCsv } from '../../../../electron/services/exports/claim-review.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import type { AnnotatorService } from '../../../../electron/services/annotator-service.js';
import { createChange, firstRefusal, importText, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();
const STORY = 'The minister said unemployment halved since 2020. Critics said the figure counts only the cities.';
const CLAIM = 'unemployment halved since 2020';
const at = STORY.indexOf(CLAIM);

type Change = Parameters<AnnotatorService['applyChanges']>[0][number];
const setStatus = (documentId: string, annotationId: string, status: string, desk = false): Change => ({
  kind: 'updateAnnotation',
  documentId,
  annotationId,
  claim: { status },
  ...(desk && { deskDecision: true as const }),
});

async function workspace() {
  const service = await ws.openService(await ws.tempDir());
  const doc = await importText(service, 'minister.txt', STORY);
  const as = (name: string, ...changes: Change[]) => firstRefusal(service.applyChanges([{ kind: 'setAnnotatorName', name }, ...changes]));
  const reviews = async () => {
    const { content, warnings } = toClaimReview(await collectDataset(service.store));
    return { content, graph: JSON.parse(content)['@graph'] as Record<string, any>[], warnings };
  };
  await as('Editor', { kind: 'setReviewSettings', settings: { organisation: 'Valley Fact Check', claimReviewUrl: '' } });
  return { service, doc, as, reviews };
}

describe('the public summary and the private reviewer note', () => {
  it('publishes the public summary as reviewBody, and the reviewer note nowhere in ClaimReview', async () => {
    const { doc, as, reviews, service } = await workspace();
    const note = 'Ask the statistics office about the rural series before publishing';
    await as(
      'Ana Reyes',
      createChange(doc.id, 'c1', at, at + CLAIM.length, { labelId: 'claim' }),
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'mostly-false', reviewerNote: note, publicSummary: 'Unemployment fell by a third, not a half.' } },
    );
    const { content, graph } = await reviews();
    expect(graph).toHaveLength(1);
    expect(graph[0]!.reviewBody).toBe('Unemployment fell by a third, not a half.');
    expect(content).not.toContain('statistics office');
    // The internal sheet keeps it for the newsroom.
    expect(toClaimsCsv(await collectDataset(service.store))).toContain(note);
  });

  it('publishes no reviewBody for a claim with no public summary, even when it has a reviewer note', async () => {
    const { doc, as, reviews } = await workspace();
    await as('Ana Reyes', createChange(doc.id, 'c1', at, at + CLAIM.length, { labelId: 'claim' }), {
      kind: 'updateAnnotation',
      documentId: doc.id,
      annotationId: 'c1',
      claim: { status: 'false', reviewerNote: 'Second reviewer: check the 2020 baseline' },
    });
    const { content, graph } = await reviews();
    expect(graph[0]).not.toHaveProperty('reviewBody');
    expect(content).not.toContain('2020 baseline');
  });

  it('keeps the public summary in the claim’s history as its own field', async () => {
    const { doc, as, service } = await workspace();
    await as('Ana Reyes', createChange(doc.id, 'c1', at, at + CLAIM.length, { labelId: 'claim' }), {
      kind: 'updateAnnotation',
      documentId: doc.id,
      annotationId: 'c1',
      claim: { publicSummary: 'Fell by a third.' },
    });
    const history = await service.claimHistoryOf(doc.id, 'c1');
    expect(history.map((h) => [h.field, h.from, h.to, h.by])).toEqual([['publicSummary', '', 'Fell by a third.', 'Ana Reyes']]);
  });
});

describe('verdicts without a rating', () => {
  it('publishes Unverifiable by name only, and the rated verdicts count only each other', async () => {
    const { doc, as, reviews } = await workspace();
    const second = STORY.indexOf('the figure counts only the cities');
    await as(
      'Ana Reyes',
      createChange(doc.id, 'c1', at, at + CLAIM.length, { labelId: 'claim' }),
      createChange(doc.id, 'c2', second, second + 33, { labelId: 'claim' }),
      setStatus(doc.id, 'c1', 'unverifiable'),
      setStatus(doc.id, 'c2', 'false'),
    );
    const { graph } = await reviews();
    const byClaim = new Map(graph.map((r) => [r.claimReviewed as string, r.reviewRating]));
    expect(byClaim.get(CLAIM)).toEqual({ '@type': 'Rating', alternateName: 'Unverifiable' });
    // Six rated verdicts, False the fifth: 2 of 6, no longer worse than Unverifiable.
    expect(byClaim.get('the figure counts only the cities')).toEqual({ '@type': 'Rating', ratingValue: 2, bestRating: 6, worstRating: 1, alternateName: 'False' });
  });

  it('rates by place among the rated verdicts only', () => {
    const scale = DEFAULT_STATUSES.map((s) => (s.id === 'misleading' ? { ...s, noRating: true } : s));
    expect(verdictRating(scale, 'true')).toEqual({ ratingValue: 5, bestRating: 5, worstRating: 1 });
    expect(verdictRating(scale, 'false')).toEqual({ ratingValue: 1, bestRating: 5, worstRating: 1 });
    expect(verdictRating(scale, 'misleading')).toBeNull();
    expect(verdictRating(scale, 'unverifiable')).toBeNull();
  });
});

describe('one review per claim', () => {
  const overlapping = STORY.indexOf('unemployment halved');

  it('leaves out a claim whose versions disagree, saying so, until the editor picks one on the desk', async () => {
    const { doc, as, reviews, service } = await workspace();
    await as('Ana Reyes', createChange(doc.id, 'a1', at, at + CLAIM.length, { labelId: 'claim' }), setStatus(doc.id, 'a1', 'false'));
    // The same claim, a slightly different span, by another annotator, with another verdict.
    await as('Bo Berg', createChange(doc.id, 'b1', overlapping, overlapping + 'unemployment halved'.length, { labelId: 'claim' }), setStatus(doc.id, 'b1', 'half-true'));
    const before = await reviews();
    expect(before.graph).toEqual([]);
    expect(before.warnings.map((w) => [w.annotationId, w.reason])).toEqual([['b1', VERSIONS_DISAGREE_REASON]]);

    // The editor picks Bo's on the desk: Ana's version takes its status, Bo's is her decision.
    await as('Editor', setStatus(doc.id, 'a1', 'half-true'), setStatus(doc.id, 'b1', 'half-true', true));
    const after = await reviews();
    expect(after.graph).toHaveLength(1);
    expect(after.graph[0]!.claimReviewed).toBe('unemployment halved');
    expect(after.graph[0]!.reviewRating.alternateName).toBe('Half true');
    expect(after.warnings).toEqual([]);
    // The pick is recorded in the picked version's history, though its status stayed.
    expect((await service.claimHistoryOf(doc.id, 'b1')).at(-1)).toMatchObject({ field: 'status', from: 'half-true', to: 'half-true', by: 'Editor', desk: true });
    expect((await service.claimHistoryOf(doc.id, 'a1')).at(-1)).toMatchObject({ field: 'status', from: 'false', to: 'half-true', by: 'Editor' });
    expect((await service.claimHistoryOf(doc.id, 'a1')).at(-1)).not.toHaveProperty('desk');
    // The desk's rows say who decided; both versions are still there to see.
    const rows = await service.listClaims();
    expect(rows.map((r) => [r.annotationId, r.author, r.status, r.reviewer])).toEqual([
      ['a1', 'Ana Reyes', 'half-true', ''],
      ['b1', 'Bo Berg', 'half-true', 'Editor'],
    ]);
  });

  it('publishes versions that agree once', async () => {
    const { doc, as, reviews } = await workspace();
    await as('Ana Reyes', createChange(doc.id, 'a1', at, at + CLAIM.length, { labelId: 'claim' }), setStatus(doc.id, 'a1', 'false'));
    await as('Bo Berg', createChange(doc.id, 'b1', at, at + CLAIM.length, { labelId: 'claim' }), setStatus(doc.id, 'b1', 'false'));
    const { graph, warnings } = await reviews();
    expect(graph).toHaveLength(1);
    expect(graph[0]!.reviewRating.alternateName).toBe('False');
    expect(warnings).toEqual([]);
  });

  it('keeps one annotator’s overlapping claims apart, and claims in other documents apart', () => {
    const claim = (documentId: string, start: number, end: number, author: string, status = 'false') => ({ documentId, start, end, author, status });
    const groups = claimVersionGroups([claim('d1', 0, 10, 'Ana'), claim('d1', 5, 15, 'Ana'), claim('d2', 0, 10, 'Bo'), claim('d1', 20, 30, 'Ana'), claim('d1', 25, 28, 'Bo', 'true')]);
    expect(groups.map((g) => [g.versions.map((v) => `${v.documentId}:${v.start}:${v.author}`), g.agree])).toEqual([
      [['d1:0:Ana'], true],
      [['d1:5:Ana'], true],
      [['d2:0:Bo'], true],
      [['d1:20:Ana', 'd1:25:Bo'], false],
    ]);
  });
});

describe('where the claim appeared', () => {
  it('takes itemReviewed.datePublished from the story’s publication date, and describes the story', async () => {
    const { doc, as, reviews, service } = await workspace();
    await as('Ana Reyes', createChange(doc.id, 'c1', at, at + CLAIM.length, { labelId: 'claim' }), setStatus(doc.id, 'c1', 'false'));
    // Without a publication date: none, never the review's date.
    const unknown = (await reviews()).graph[0]!;
    expect(unknown.itemReviewed).not.toHaveProperty('datePublished');
    expect(unknown.itemReviewed).not.toHaveProperty('appearance');

    // The document editor ("docs") writes these; here they are set on the stored document.
    Object.assign(service.store.findDocument(doc.id)!, {
      sourceUrl: 'https://news.example/minister',
      headline: 'Minister: unemployment halved',
      outlet: 'The Valley Times',
      byline: 'Sam Okoro',
      publishedOn: '2026-03-04',
    });
    const review = (await reviews()).graph[0]!;
    expect(review.itemReviewed.datePublished).toBe('2026-03-04');
    expect(review.datePublished).not.toBe('2026-03-04');
    expect(review.itemReviewed.appearance).toEqual([
      {
        '@type': 'NewsArticle',
        url: 'https://news.example/minister',
        headline: 'Minister: unemployment halved',
        author: { '@type': 'Person', name: 'Sam Okoro' },
        publisher: { '@type': 'Organization', name: 'The Valley Times' },
        datePublished: '2026-03-04',
      },
    ]);
  });
});
