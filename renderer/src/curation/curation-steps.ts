// Curation's edits as steps of the window's history: each accept or reject is one undoable step,
// on screen at once and sent as one batch (see state/history.ts).
import type { Annotation } from '../../../electron/contract/window-api';
import { acceptedCopies, memberIds, type SpanGroup } from '../../../electron/contract/curation';
import { combine, createStep, deleteStep, type Step } from '../state/history';

export function rejectionStep(documentId: string, annotationIds: string[], rejected: boolean, at = Date.now()): Step {
  const op = (value: boolean) => ({ kind: 'curation-rejected' as const, documentId, annotationIds, rejected: value });
  const change = (value: boolean) => ({ kind: 'setCurationRejected' as const, documentId, annotationIds, rejected: value });
  return { forward: [op(rejected)], backward: [op(!rejected)], send: [change(rejected)], unsend: [change(!rejected)], at };
}

const wasRejected = (group: SpanGroup, rejected: ReadonlySet<string>) => memberIds(group).some((id) => rejected.has(id));

/** The group's curated version replaced by copies of `personKey`'s version (null: the agreed one); null when there is nothing to accept. */
export function acceptSteps(documentId: string, group: SpanGroup, personKey: string | null, author: string, newId: () => string, rejected: ReadonlySet<string>): Step[] {
  const copies = acceptedCopies(group, personKey, newId, author);
  if (!copies.length) return [];
  return [
    ...group.curated.map((h: Annotation) => deleteStep(h)),
    ...copies.map((h) => createStep(h)),
    ...(wasRejected(group, rejected) ? [rejectionStep(documentId, memberIds(group), false)] : []),
  ];
}

export function rejectSteps(documentId: string, group: SpanGroup): Step[] {
  const ids = memberIds(group);
  return [...group.curated.map((h) => deleteStep(h)), ...(ids.length ? [rejectionStep(documentId, ids, true)] : [])];
}

/** Several groups' steps as one step of the history, sent together, named as the editor did it ("Accepted Ben’s version"). */
export function asOneStep(steps: Step[], name: string): Step | null {
  return steps.length ? { ...combine(steps), oneBatch: true, name } : null;
}
