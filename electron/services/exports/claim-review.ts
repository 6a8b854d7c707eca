// The review desk's outputs: schema.org ClaimReview (JSON-LD) for the claims with a verdict, and
// a spreadsheet of every claim. Fact-check publishers and search engines read ClaimReview.
//
// What is published, and from where:
// - reviewBody is the claim's public summary. The reviewer note is the newsroom's own ("what a
//   second reviewer should look at") and is never written here.
// - reviewRating: alternateName is the verdict's name (Google's Fact Check Tools map it to the
//   "textual rating", developers.google.com/fact-check/tools/api/reference/rest/v1alpha1/pages,
//   ClaimRating). ratingValue, bestRating and worstRating are "for numeric ratings" only there,
//   and schema.org/Rating assumes bestRating 5 and worstRating 1 when they are left out, so a
//   verdict with no rating (Unverifiable) carries none of the three: alternateName alone.
// - itemReviewed.datePublished is the story's publication date (ClaimReviewMarkup's claimDate),
//   left out when unknown, never the review's date; appearance is the story (url, headline,
//   author, publisher, date).
// - Claims several annotators tagged are one claim (contract/claim-versions): published once
//   when the versions agree, left out with a warning until the editor picks one when they do not.
// The claims CSV is the newsroom's internal sheet: it carries the reviewer note (and the public
// summary), and is not for publishing.
import { stringify } from 'csv-stringify/sync';
import { VERSIONS_DISAGREE_REASON, claimVersionGroups, isVerdict, verdictRating, type DocumentSummary } from '../../contract/api.js';
import { isClaim, type Claim } from '../../contract/annotation-rules.js';
import type { ConllWarning } from './conll.js';
import { spreadsheetSafe } from './csv.js';
import type { Dataset, ExportDocument } from './dataset.js';

interface ClaimInDocument {
  entry: ExportDocument;
  claim: Claim;
}

function claimsOf(dataset: Dataset): ClaimInDocument[] {
  return dataset.documents.flatMap((entry) => entry.annotations.filter(isClaim).map((claim) => ({ entry, claim })));
}

/** The claims as the versions rule reads them (contract/claim-versions). */
function claimGroupsOf(claims: readonly ClaimInDocument[]) {
  const flat = claims.map((c) => ({
    ...c,
    documentId: c.entry.document.id,
    start: c.claim.start,
    end: c.claim.end,
    author: c.claim.author,
    status: c.claim.claim.status,
    reviewer: c.claim.claim.reviewer,
    reviewedAt: c.claim.claim.reviewedAt,
  }));
  return claimVersionGroups(flat);
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

/** The story the claim appeared in, as far as it is known (nothing when nothing is). */
function appearanceOf(document: DocumentSummary): object | null {
  const { sourceUrl, headline, outlet, byline, publishedOn } = document;
  if (!sourceUrl && !headline && !outlet && !byline && !publishedOn) return null;
  return {
    // A story with an outlet is a news article; anything else (a transcript, a filing) a creative work.
    '@type': outlet ? 'NewsArticle' : 'CreativeWork',
    ...(sourceUrl && { url: sourceUrl }),
    headline: headline || document.title,
    ...(byline && { author: { '@type': 'Person', name: byline } }),
    ...(outlet && { publisher: { '@type': 'Organization', name: outlet } }),
    ...(publishedOn && { datePublished: publishedOn }),
  };
}

/** One ClaimReview per claim whose status is a verdict; the rest are listed as left out. */
export function toClaimReview(dataset: Dataset): { content: string; warnings: ConllWarning[] } {
  const warnings: ConllWarning[] = [];
  const reviews: object[] = [];
  const { organisation, claimReviewUrl: template } = dataset.reviewSettings;
  for (const group of claimGroupsOf(claimsOf(dataset))) {
    const { entry, claim } = group.lead;
    const leftOut = (reason: string) => warnings.push({ documentId: entry.document.id, annotationId: claim.id, label: 'claim', text: claim.text, reason });
    if (!group.agree) {
      leftOut(VERSIONS_DISAGREE_REASON);
      continue;
    }
    const status = dataset.statuses.find((s) => s.id === claim.claim.status);
    if (!status || !isVerdict(dataset.statuses, status.id)) {
      leftOut(`not reviewed yet (${status?.name ?? claim.claim.status})`);
      continue;
    }
    const rating = verdictRating(dataset.statuses, status.id);
    const claimant = claim.speakerId ? dataset.speakers.get(claim.speakerId) : undefined;
    const url = claimReviewUrl(template, claim.id);
    const appearance = appearanceOf(entry.document);
    const summary = claim.claim.publicSummary?.trim();
    reviews.push({
      '@type': 'ClaimReview',
      ...(url && { url }),
      claimReviewed: claim.text,
      datePublished: (claim.claim.reviewedAt ?? claim.updatedAt).slice(0, 10),
      ...(organisation && { author: { '@type': 'Organization', name: organisation, ...(siteOf(template) && { url: siteOf(template) }) } }),
      reviewRating: { '@type': 'Rating', ...(rating ?? {}), alternateName: status.name },
      itemReviewed: {
        '@type': 'Claim',
        ...(claimant && {
          author: { '@type': 'Person', name: claimant.name, ...(claimant.role && { jobTitle: claimant.role }), ...(claimant.organisation && { affiliation: { '@type': 'Organization', name: claimant.organisation } }) },
        }),
        ...(entry.document.publishedOn && { datePublished: entry.document.publishedOn }),
        ...(appearance && { appearance: [appearance] }),
      },
      ...(summary && { reviewBody: summary }),
    });
    if (!organisation) leftOut('no organisation is set (Review desk › Review settings…), so it has no author');
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
  'verdict_by',
  'last_change',
  'public_summary',
  'reviewer_note',
  'note',
  'sources',
  'document_id',
  'claim_id',
] as const;

/**
 * The review desk's table for spreadsheets: UTF-8 with a BOM, every cell quoted, CRLF rows. An
 * internal sheet for the newsroom: it keeps the private reviewer note beside the public summary.
 * verdict_by is the editor of the last desk decision (empty when none was made).
 */
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
      claim.claim.publicSummary ?? '',
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
