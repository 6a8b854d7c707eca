// How a highlight changes, shared by the services and the in-memory API so both agree. The
// checks that need the workspace (does this label, speaker or status exist?) stay with them.
import type { Annotation, Change, ClaimFields, ClaimRow } from './api.js';
import { spanContext } from './spans.js';

type Update = Extract<Change, { kind: 'updateAnnotation' }>;
type Create = Extract<Change, { kind: 'createAnnotation' }>;

/** A new claim starts at the first status of the scale (Unreviewed in the default scale). */
export function newClaimFields(firstStatusId: string): ClaimFields {
  return { checkWorthiness: null, status: firstStatusId, sources: [], tags: [] };
}

/** Claims get their fact-check fields the first time they are claims; the rest is kept. */
export function withLabelFields(annotation: Annotation, firstStatusId: string): Annotation {
  if (annotation.labelId === 'claim' && !annotation.claim) return { ...annotation, claim: newClaimFields(firstStatusId) };
  return annotation;
}

/**
 * The highlight a createAnnotation change makes in `text` (the document's). The change may
 * carry who made it and when (a highlight brought back by undo returns as it was); else it is
 * `author`'s (and `authorId`'s, the person's stable id), made `now`. Whether the range, label and speaker are valid is the caller's check.
 */
export function newAnnotation(change: Create, text: string, made: { author: string; authorId?: string; now: string; firstStatusId: string }): Annotation {
  const { start, end } = change;
  // A highlight brought back keeps its author's id only with its author's name.
  const authorId = change.author !== undefined ? change.authorId : made.authorId;
  return withLabelFields(
    {
      id: change.annotationId,
      documentId: change.documentId,
      labelId: change.labelId,
      start,
      end,
      text: text.slice(start, end),
      ...spanContext(text, start, end),
      speakerId: change.speakerId ?? null,
      note: change.note ?? '',
      author: change.author ?? made.author,
      ...(authorId && { authorId }),
      createdAt: change.createdAt ?? made.now,
      updatedAt: change.updatedAt ?? made.now,
      ...(change.quoteKind && { quoteKind: change.quoteKind }),
      ...(change.claim && { claim: change.claim }),
      ...(change.layer && { layer: change.layer, curatedFrom: change.curatedFrom ?? [] }),
    },
    made.firstStatusId,
  );
}

/**
 * The highlight after an update: a new object, never the old one changed. `text` is the
 * document's; `by` is who makes the change (the reviewer, when the desk sets the status).
 */
export function updatedAnnotation(annotation: Annotation, change: Update, now: string, firstStatusId: string, text?: string, by?: string): Annotation {
  const start = change.start ?? annotation.start;
  const end = change.end ?? annotation.end;
  const moved = text !== undefined && (start !== annotation.start || end !== annotation.end);
  const next: Annotation = {
    ...annotation,
    ...(moved && { start, end, text: text.slice(start, end), ...spanContext(text, start, end) }),
    ...(change.labelId !== undefined && { labelId: change.labelId }),
    ...(change.speakerId !== undefined && { speakerId: change.speakerId }),
    ...(change.note !== undefined && { note: change.note }),
    updatedAt: now,
  };
  // A person moved it or said it is right: no longer a guess to check.
  if (moved || change.confirmAnchor) delete next.anchor;
  if (change.quoteKind === null) delete next.quoteKind;
  else if (change.quoteKind !== undefined) next.quoteKind = change.quoteKind;
  const withFields = withLabelFields(next, firstStatusId);
  if (change.claim) {
    const base = withFields.claim ?? newClaimFields(firstStatusId);
    // Who reviewed is recorded here, never taken from the change.
    const patch = Object.fromEntries(
      Object.entries(change.claim).filter(([key, value]) => value !== undefined && key !== 'reviewer' && key !== 'reviewedAt' && key !== 'statusBy'),
    ) as Partial<ClaimFields>;
    withFields.claim = { ...base, ...patch };
    // An editor setting the status picks among conflicting verdicts (an import's): they are settled.
    const picked = patch.status !== undefined && patch.conflicts === undefined && (base.conflicts?.length ?? 0) > 0;
    // A desk decision on the same status confirms it: the editor becomes its reviewer all the same.
    if (patch.status !== undefined && (patch.status !== base.status || picked || change.deskDecision)) {
      withFields.claim.reviewedAt = now;
      withFields.claim.statusBy = by ?? '';
      // Only a desk decision makes someone the verdict's reviewer; a fact-checker setting her own
      // claim's status is recorded in the history (its `by`), and that verdict is nobody's decision.
      if (change.deskDecision) withFields.claim.reviewer = by ?? '';
      else delete withFields.claim.reviewer;
    }
    if (picked || withFields.claim.conflicts?.length === 0) delete withFields.claim.conflicts;
  }
  return withFields;
}

/**
 * Who set a claim's status, as the side panel and the desk say it: the desk's verdict names its
 * reviewer; a status edit elsewhere (a fact-checker's, in the side panel) names who changed it.
 */
export function statusAttribution(claim: Pick<ClaimFields, 'reviewer' | 'statusBy'>): string | null {
  if (claim.reviewer) return `Verdict by ${claim.reviewer} (reviewer)`;
  if (claim.statusBy) return `Status changed by ${claim.statusBy}`;
  return null;
}

/** A claim with its fact-check fields: what the review desk and its exports work on. */
export type Claim = Annotation & { claim: ClaimFields };

export function isClaim(annotation: Annotation): annotation is Claim {
  return annotation.labelId === 'claim' && annotation.claim !== undefined;
}

/** The review desk's row for a claim in a document. */
export function claimRow(document: { id: string; title: string }, claim: Claim): ClaimRow {
  return {
    documentId: document.id,
    documentTitle: document.title,
    annotationId: claim.id,
    text: claim.text,
    start: claim.start,
    claimantId: claim.speakerId,
    status: claim.claim.status,
    checkWorthiness: claim.claim.checkWorthiness,
    tags: claim.claim.tags,
    note: claim.note,
    reviewerNote: claim.claim.reviewerNote ?? '',
    ...(claim.claim.publicSummary && { publicSummary: claim.claim.publicSummary }),
    author: claim.author,
    reviewer: claim.claim.reviewer ?? '',
    ...(claim.claim.statusBy && { statusBy: claim.claim.statusBy }),
    ...(claim.claim.reviewedAt && { reviewedAt: claim.claim.reviewedAt }),
    updatedAt: claim.updatedAt,
    ...(claim.claim.conflicts?.length && { conflicts: claim.claim.conflicts }),
    ...(claim.layer && { layer: claim.layer }),
  };
}
