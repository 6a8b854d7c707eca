// The shapes an edit takes on screen, shared by the history (which records them) and the
// workspace reducer (which applies them), so neither imports the other.
import type { Annotation, Change, Speaker } from '../../../electron/contract/api';

/** One change to what the window shows; a step of the history is a list of them each way. */
export type LocalOp =
  | { kind: 'put'; annotation: Annotation }
  | { kind: 'remove'; documentId: string; annotationId: string }
  | { kind: 'add-speaker'; speaker: Speaker }
  | { kind: 'remove-speaker'; speakerId: string };

/** What an edit in the side panel changes: the fields of an updateAnnotation change. */
export type AnnotationPatch = Omit<Extract<Change, { kind: 'updateAnnotation' }>, 'kind' | 'documentId' | 'annotationId'>;
