// A highlight from the team's database was made on another machine's copy of its document. The
// copies can differ: a document keeps its id when its source file is read again with new text
// (see document-sources.ts), and the team only shares that change of metadata. Where this copy
// holds other text at the highlight's place, it is found again by the rule used when a file
// changes (reanchor.ts), never a second one.
import type { Annotation } from '../../contract/api.js';
import { reanchorAnnotations } from './reanchor.js';

/** as-sent: the text is at its place; moved and fuzzy: re-anchored; orphaned: found nowhere. */
export type SharedPlacement = 'as-sent' | 'moved' | 'fuzzy' | 'orphaned';

/** The highlight as this copy of the text holds it; an orphan is the highlight as sent (reanchor's convention). */
export function placeSharedAnnotation(text: string, shared: Annotation): { annotation: Annotation; placement: SharedPlacement } {
  if (shared.end <= text.length && text.slice(shared.start, shared.end) === shared.text) return { annotation: shared, placement: 'as-sent' };
  const { annotations, orphans, report } = reanchorAnnotations(text, [shared]);
  if (annotations[0]) return { annotation: annotations[0], placement: report.fuzzy > 0 ? 'fuzzy' : 'moved' };
  return { annotation: orphans[0]!, placement: 'orphaned' };
}
