// An import's report in words, the same in the window's preview and in `annotator import
// --dry-run`: "3 documents (1 new) · 4 new highlights · 26 already present · 1 conflict · 2 new
// speakers", and whether there is anything new at all.
import type { ImportReport } from './schemas/imports.js';
import { counted as plural } from './counted.js';


/** "3 documents (1 new) · 4 new highlights · 26 already present · 1 conflict · 2 new speakers" */
export function importSummary(report: ImportReport): string {
  return [
    `${plural(report.documents, 'document')}${report.documentsAdded ? ` (${report.documentsAdded.toLocaleString('en')} new)` : ''}`,
    plural(report.highlights, 'new highlight'),
    `${report.alreadyPresent.toLocaleString('en')} already present`,
    ...(report.conflicts.length ? [plural(report.conflicts.length, 'conflict')] : []),
    ...(report.speakersAdded.length ? [plural(report.speakersAdded.length, 'new speaker')] : []),
    ...(report.labelsAdded.length ? [plural(report.labelsAdded.length, 'new label')] : []),
  ].join(' · ');
}

/** Nothing the import would write: every highlight is there already, and nothing disagrees. */
export function nothingNew(report: ImportReport): boolean {
  return report.highlights === 0 && report.documentsAdded === 0 && report.conflicts.length === 0 && report.speakersAdded.length === 0 && report.labelsAdded.length === 0;
}
