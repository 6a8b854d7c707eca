// The export formats by name, as the command line and (later) the Export dialog offer them.
import { toBrat, type ExportFile } from '../services/exports/brat.js';
import { toConll, type ConllWarning } from '../services/exports/conll.js';
import { toCsv } from '../services/exports/csv.js';
import type { Dataset } from '../services/exports/dataset.js';
import { toDoccanoJsonl, toSpacyJsonl } from '../services/exports/jsonl.js';
import { toLabelStudio } from '../services/exports/label-studio.js';
import { toWebAnnotation } from '../services/exports/web-annotation.js';

export const EXPORT_FORMATS = ['jsonl', 'spacy', 'conll', 'brat', 'labelstudio', 'w3c', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportResult {
  /** One file for most formats; brat writes a .txt and an .ann per document into a folder. */
  files: ExportFile[];
  /** Whether --out names a folder (brat) or a file. */
  folder: boolean;
  warnings: ConllWarning[];
}

export function runExport(format: ExportFormat, dataset: Dataset): ExportResult {
  switch (format) {
    case 'jsonl':
      return { files: [{ name: 'dataset.jsonl', content: toDoccanoJsonl(dataset) }], folder: false, warnings: [] };
    case 'spacy':
      return { files: [{ name: 'dataset.jsonl', content: toSpacyJsonl(dataset) }], folder: false, warnings: [] };
    case 'conll': {
      const { content, warnings } = toConll(dataset);
      return { files: [{ name: 'dataset.conll', content }], folder: false, warnings };
    }
    case 'brat':
      return { files: toBrat(dataset), folder: true, warnings: [] };
    case 'labelstudio':
      return { files: [{ name: 'tasks.json', content: toLabelStudio(dataset) }], folder: false, warnings: [] };
    case 'w3c':
      return { files: [{ name: 'annotations.jsonld', content: toWebAnnotation(dataset) }], folder: false, warnings: [] };
    case 'csv':
      return { files: [{ name: 'annotations.csv', content: toCsv(dataset) }], folder: false, warnings: [] };
  }
}
