// The review desk's outputs, parsed back: ClaimReview JSON-LD with the fields fact-check
// readers require and recommend, and a claims table that spreadsheets open cleanly.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CLAIM_CSV_COLUMNS, claimReviewUrl, toClaimReview, toClaimsCsv } from '../../../../electron/services/exports/claim-review.js';
import { spreadsheetSafe } from '../../../../electron/services/exports/csv.js';
import { collectDataset } from '../../../../electron/services/exports/dataset.js';
import { openFilesFromPaths } from '../../../../electron/services/documents/open-files.js';
import { run } from '../../../helpers/run-cli.js';
import { firstRefusal, useWorkspaces } from '../../../helpers/workspace.js';

const ws = useWorkspaces();

const PAGE =
  '<html><head><title>Mayor on crime</title><link rel="canonical" href="https://news.example/mayor-crime"></head><body><article><p>' +
  'The mayor claimed crime fell 20% last year, at a packed meeting on Tuesday night. '.repeat(2) +
  '</p><p>She said the budget is balanced, and that "=SUM(A1)" was a typo in the report.</p></article></body></html>';

async function reviewed(settings = { organisation: 'Valley Fact Check', claimReviewUrl: 'https://facts.example/checks/{id}' }) {
  const dir = await ws.tempDir();
  const files = await ws.tempDir();
  const page = path.join(files, 'mayor.html');
  await fs.writeFile(page, PAGE);
  const service = await ws.openService(dir);
  const doc = (await openFilesFromPaths(service, [page]))[0]!.document!;
  const text = (await service.openDocument(doc.id)).text;
  const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
  await firstRefusal(
    service.applyChanges([
      { kind: 'setAnnotatorName', name: 'Ana Reyes' },
      { kind: 'setReviewSettings', settings },
      { kind: 'createSpeaker', speakerId: 'spk-mayor', name: 'Jane Doe', role: 'Mayor', organisation: 'Valley City' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c1', labelId: 'claim', ...at('crime fell 20% last year'), speakerId: 'spk-mayor' },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c2', labelId: 'claim', ...at('the budget is balanced') },
      { kind: 'createAnnotation', documentId: doc.id, annotationId: 'c3', labelId: 'claim', ...at('=SUM(A1)" was a typo') },
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c1', claim: { status: 'mostly-false', reviewerNote: 'Police data: 12%.', publicSummary: 'Police figures show a 12% fall.', tags: ['crime', 'police'] }, deskDecision: true },
      { kind: 'updateAnnotation', documentId: doc.id, annotationId: 'c3', claim: { status: 'true' }, deskDecision: true },
    ]),
  );
  return { dir, service, doc };
}

describe('ClaimReview JSON-LD', () => {
  it('has, for each claim with a verdict, the fields ClaimReview requires and recommends', async () => {
    const { service } = await reviewed();
    const { content, warnings } = toClaimReview(await collectDataset(service.store));
    const parsed = JSON.parse(content);
    expect(parsed['@context']).toBe('https://schema.org');
    const reviews = parsed['@graph'];
    expect(reviews).toHaveLength(2);
    const review = reviews.find((r: { claimReviewed: string }) => r.claimReviewed === 'crime fell 20% last year');
    // Required.
    expect(review['@type']).toBe('ClaimReview');
    expect(review.url).toBe('https://facts.example/checks/c1');
    expect(review.author).toEqual({ '@type': 'Organization', name: 'Valley Fact Check', url: 'https://facts.example' });
    // Six rated verdicts: Unverifiable has no rating and does not count.
    expect(review.reviewRating).toEqual({ '@type': 'Rating', ratingValue: 3, bestRating: 6, worstRating: 1, alternateName: 'Mostly false' });
    // Recommended.
    expect(review.datePublished).toMatch(/^\d{4}-\d\d-\d\d$/);
    expect(review.itemReviewed).toEqual({
      '@type': 'Claim',
      author: { '@type': 'Person', name: 'Jane Doe', jobTitle: 'Mayor', affiliation: { '@type': 'Organization', name: 'Valley City' } },
      appearance: [{ '@type': 'CreativeWork', url: 'https://news.example/mayor-crime', headline: 'Mayor on crime' }],
    });
    // The public summary; the reviewer note is the newsroom's own.
    expect(review.reviewBody).toBe('Police figures show a 12% fall.');
    expect(content).not.toContain('Police data: 12%.');
    // The unreviewed claim is left out, and said so.
    expect(warnings.map((w) => [w.annotationId, w.reason])).toEqual([['c2', 'not reviewed yet (Unreviewed)']]);
  });

  it('says which reviews lack an author when no organisation is set', async () => {
    const { service } = await reviewed({ organisation: '', claimReviewUrl: '' });
    const { content, warnings } = toClaimReview(await collectDataset(service.store));
    const reviews = JSON.parse(content)['@graph'];
    expect(reviews.every((r: object) => !('author' in r) && !('url' in r))).toBe(true);
    expect(warnings.filter((w) => /no organisation/.test(w.reason)).map((w) => w.annotationId).sort()).toEqual(['c1', 'c3']);
  });

  it('builds each review’s address from the setting, with {id} or as an anchor', () => {
    expect(claimReviewUrl('https://f.example/c/{id}', 'ann 1')).toBe('https://f.example/c/ann%201');
    expect(claimReviewUrl('https://f.example/checks', 'c1')).toBe('https://f.example/checks#c1');
    expect(claimReviewUrl('', 'c1')).toBeNull();
  });

  it('is a format of annotator export', async () => {
    const { dir } = await reviewed();
    const out = path.join(await ws.tempDir(), 'reviews.jsonld');
    const result = await run(['export', '--store', dir, '--format', 'claimreview', '--out', out], '/');
    expect(result.code).toBe(0);
    expect(JSON.parse(await fs.readFile(out, 'utf8'))['@graph']).toHaveLength(2);
  });
});

describe('claims CSV', () => {
  // The claims CSV is the newsroom's internal sheet: it carries the private reviewer note.
  it('opens cleanly in spreadsheets: a UTF-8 BOM, every cell quoted, CRLF rows, no formulas', async () => {
    const { service } = await reviewed();
    const csv = toClaimsCsv(await collectDataset(service.store));
    expect(csv.startsWith('\uFEFF"claim","claimant"')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows: Record<string, string>[] = parse(csv.slice(1), { columns: true });
    expect(Object.keys(rows[0]!)).toEqual([...CLAIM_CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ claim: 'crime fell 20% last year', claimant: 'Jane Doe', document: 'Mayor on crime', status: 'Mostly false', rating: '3 of 6', tags: 'crime; police', annotator: 'Ana Reyes', verdict_by: 'Ana Reyes', public_summary: 'Police figures show a 12% fall.', reviewer_note: 'Police data: 12%.' });
    expect(rows[1]).toMatchObject({ status: 'Unreviewed', rating: '', verdict_by: '' });
    // A cell that would run as a formula is kept as text.
    expect(rows[2]!.claim).toBe(`'=SUM(A1)" was a typo`);
  });

  it('keeps every cell that a spreadsheet would run as a formula as text, and numbers as written', () => {
    expect(['=SUM(A1)', '+cmd|calc', '@SUM(1)', '\tx', '-2+3+cmd|x', '-5% growth', '-12.5 points', 'plain'].map(spreadsheetSafe)).toEqual([
      "'=SUM(A1)",
      "'+cmd|calc",
      "'@SUM(1)",
      "'\tx",
      "'-2+3+cmd|x",
      '-5% growth',
      '-12.5 points',
      'plain',
    ]);
  });

  it('is a format of annotator export', async () => {
    const { dir } = await reviewed();
    const out = path.join(await ws.tempDir(), 'claims.csv');
    expect((await run(['export', '--store', dir, '--format', 'claims-csv', '--out', out], '/')).code).toBe(0);
    expect((await fs.readFile(out, 'utf8')).startsWith('\uFEFF')).toBe(true);
  });
});
