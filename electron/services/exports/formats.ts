// The export formats by name, as the command line and the Export dialog offer them.
import { toBrat, type ExportFile } from './brat.js';
import { toConll, type ConllWarning } from './conll.js';
import { toCsv } from './csv.js';
import type { Dataset } from './dataset.js';
import { toDoccanoJsonl, toSpacyJsonl } from './jsonl.js';
import { toLabelStudio } from './label-studio.js';
import { toWebAnnotation } from './web-annotation.js';

import { EXPORT_FORMATS, type ExportFormat } from '../../contract/api.js';
import { toClaimReview, toClaimsCsv } from './claim-review.js';

export { EXPORT_FORMATS, type ExportFormat };

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
    case 'claimreview': {
      const { content, warnings } = toClaimReview(dataset);
      return { files: [{ name: 'claimreview.jsonld', content }], folder: false, warnings };
    }
    case 'claims-csv':
      return { files: [{ name: 'claims.csv', content: toClaimsCsv(dataset) }], folder: false, warnings: [] };
  }
}
