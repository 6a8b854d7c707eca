// A step of the undo history in a few words, for the status line ("Undone: new Quote").
import type { Change, Label } from '../../../electron/contract/window-api';
import type { Step } from './history';

function labelName(labels: readonly Label[], labelId: string | undefined): string {
  return labels.find((l) => l.id === labelId)?.name ?? 'highlight';
}

/** What one change does, in words. */
function changeName(change: Change, step: Step, labels: readonly Label[]): string {
  const put = step.backward.concat(step.forward).find((op) => op.kind === 'put' && 'documentId' in change && op.annotation.id === (change as { annotationId?: string }).annotationId);
  const labelOfTarget = put && put.kind === 'put' ? put.annotation.labelId : undefined;
  switch (change.kind) {
    case 'createAnnotation':
      return `new ${labelName(labels, change.labelId)}`;
    case 'deleteAnnotation':
      return `${labelName(labels, labelOfTarget)} deleted`;
    case 'updateAnnotation': {
      const what = labelName(labels, labelOfTarget);
      if (change.labelId !== undefined) return `${what} relabelled`;
      if (change.speakerId !== undefined) return `${what}’s speaker`;
      if (change.note !== undefined) return `${what}’s note`;
      if (change.start !== undefined || change.end !== undefined) return `${what}’s span`;
      if (change.quoteKind !== undefined) return 'kind of quote';
      if (change.claim?.status !== undefined) return 'claim status';
      if (change.claim?.reviewerNote !== undefined) return 'reviewer note';
      if (change.claim) return 'claim fields';
      return `${what} changed`;
    }
    case 'createSpeaker':
      return `new speaker ${change.name}`;
    case 'mergeSpeakers':
      return 'speaker merge';
    case 'updateSpeaker':
      return 'speaker details';
    default:
      return 'change';
  }
}

export function stepName(step: Step, labels: readonly Label[]): string {
  if (step.name) return step.name;
  const changes = step.send;
  if (changes.length === 0) return 'change';
  if (step.desk && changes.length > 1) return `${changes.length} claims`;
  // A speaker made for a highlight and linked to it: the new speaker says it best.
  const first = changes.find((c) => c.kind === 'createSpeaker' || c.kind === 'mergeSpeakers') ?? changes[0]!;
  const name = changeName(first, step, labels);
  const more = step.oneBatch && changes.length > 1 ? ` (${changes.length} changes)` : '';
  return name + more;
}
