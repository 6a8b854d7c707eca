// One layer per annotator for the formats that keep authors apart (spaCy's span groups, one
// WebAnno TSV file per user): never one author's highlights silently in place of another's.
import type { Annotation } from '../../contract/api.js';

/** The layer for highlights made before any annotator name was set. */
export const UNNAMED_AUTHOR_LAYER = '(unnamed)';

export const authorLayerName = (author: string) => author.trim() || UNNAMED_AUTHOR_LAYER;

/** The highlights by annotator, in the order each annotator first appears; text order kept within each. */
export function byAuthor(annotations: readonly Annotation[]): Map<string, Annotation[]> {
  const layers = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const name = authorLayerName(annotation.author);
    const layer = layers.get(name);
    if (layer) layer.push(annotation);
    else layers.set(name, [annotation]);
  }
  return layers;
}
