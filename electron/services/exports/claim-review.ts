// The review desk's outputs: schema.org ClaimReview (JSON-LD) for the claims with a verdict, and
// a spreadsheet of every claim. Fact-check publishers and search engines read ClaimReview.
import { stringify } from 'csv-stringify/sync';
import { verdictRating } from '../../contract/api.js';
import { isClaim, type Claim } from '../../contract/annotation-rules.js';
import type { ConllWarning } from './conll.js';
import { spreadsheetSafe } from './csv.js';
import type { Dataset, ExportDocument } from './dataset.js';

function claimsOf(dataset: Dataset): { entry: ExportDocument; claim: Claim }[] {
  return dataset.documents.flatMap((entry) => entry.annotations.filter(isClaim).map((claim) => ({ entry, claim })));
}

/** The publisher's site: the fact-check address's origin (null when there is none to read). */
function siteOf(template: string): string | null {
  try {
    return template ? new URL(template.replaceAll('{id}', 'x')).origin : null;
  } catch {
    return null;
  }
}

/** Where the published fact-check lives: the setting, with {id} standing for the claim's id. */
export function claimReviewUrl(template: string, annotationId: string): string | null {
  if (!template) return null;
  return template.includes('{id}') ? template.replaceAll('{id}', encodeURIComponent(annotationId)) : `${template.replace(/#.*$/, '')}#${encodeURIComponent(annotationId)}`;
}

/** One ClaimReview per claim whose status is a verdict; the rest are listed as left out. */
export function toClaimReview(dataset: Dataset): { content: string; warnings: ConllWarning[] } {
  const warnings: ConllWarning[] = [];
  const reviews: object[] = [];
  const { organisation, claimReviewUrl: template } = dataset.reviewSettings;
  for (const { entry, claim } of claimsOf(dataset)) {
    const status = dataset.statuses.find((s) => s.id === claim.claim.status);
    const rating = verdictRating(dataset.statuses, claim.claim.status);
    if (!status || !rating) {
      warnings.push({ documentId: entry.document.id, annotationId: claim.id, label: 'claim', text: claim.text, reason: `not reviewed yet (${status?.name ?? claim.claim.status})` });
      continue;
    }
    const claimant = claim.speakerId ? dataset.speakers.get(claim.speakerId) : undefined;
    const url = claimReviewUrl(template, claim.id);
    reviews.push({
      '@type': 'ClaimReview',
      ...(url && { url }),
      claimReviewed: claim.text,
      datePublished: (claim.claim.reviewedAt ?? claim.updatedAt).slice(0, 10),
      ...(organisation && { author: { '@type': 'Organization', name: organisation, ...(siteOf(template) && { url: siteOf(template) }) } }),
      reviewRating: { '@type': 'Rating', ...rating, alternateName: status.name },
      itemReviewed: {
        '@type': 'Claim',
        ...(claimant && {
          author: { '@type': 'Person', name: claimant.name, ...(claimant.role && { jobTitle: claimant.role }), ...(claimant.organisation && { affiliation: { '@type': 'Organization', name: claimant.organisation } }) },
        }),
        ...(entry.document.sourceUrl && { appearance: [{ '@type': 'CreativeWork', url: entry.document.sourceUrl, headline: entry.document.title }] }),
      },
      ...(claim.claim.reviewerNote && { reviewBody: claim.claim.reviewerNote }),
    });
    if (!organisation) warnings.push({ documentId: entry.document.id, annotationId: claim.id, label: 'claim', text: claim.text, reason: 'no organisation is set (Review desk › Review settings…), so it has no author' });
  }
  return { content: JSON.stringify({ '@context': 'https://schema.org', '@graph': reviews }, null, 2) + '\n', warnings };
}

export const CLAIM_CSV_COLUMNS = [
  'claim',
  'claimant',
  'document',
  'status',
  'rating',
  'check_worthiness',
  'tags',
  'annotator',
  'reviewer',
  'last_change',
  'reviewer_note',
  'note',
  'sources',
  'document_id',
  'claim_id',
] as const;

/** The review desk's table for spreadsheets: UTF-8 with a BOM, every cell quoted, CRLF rows. */
export function toClaimsCsv(dataset: Dataset): string {
  const rows = claimsOf(dataset).map(({ entry, claim }) => {
    const rating = verdictRating(dataset.statuses, claim.claim.status);
    return [
      claim.text,
      claim.speakerId ? (dataset.speakers.get(claim.speakerId)?.name ?? claim.speakerId) : '',
      entry.document.title,
      dataset.statuses.find((s) => s.id === claim.claim.status)?.name ?? claim.claim.status,
      // "3 of 7", not "3/7", which spreadsheets take for a date.
      rating ? `${rating.ratingValue} of ${rating.bestRating}` : '',
      claim.claim.checkWorthiness ?? '',
      claim.claim.tags.join('; '),
      claim.author,
      claim.claim.reviewer ?? '',
      claim.updatedAt,
      claim.claim.reviewerNote ?? '',
      claim.note,
      claim.claim.sources.map((s) => [s.title, s.url].filter(Boolean).join(' ')).join('; '),
      entry.document.id,
      claim.id,
    ];
  });
  const safe = rows.map((row) => row.map(spreadsheetSafe));
  return '\uFEFF' + stringify(safe, { header: true, columns: [...CLAIM_CSV_COLUMNS], quoted: true, record_delimiter: 'windows' });
}
