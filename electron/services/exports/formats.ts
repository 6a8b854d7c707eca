// The export formats by name, as the command line and the Export dialog offer them.
import { toBrat, type ExportFile } from './brat.js';
import { toConllFiles, type ConllWarning } from './conll.js';
import { toCsv } from './csv.js';
import type { Dataset } from './dataset.js';
import { toDoccanoJsonl, toSpacyJsonl } from './jsonl.js';
import { toLabelStudio } from './label-studio.js';
import { toWebAnnotation } from './web-annotation.js';

import { EXPORT_FORMATS, type ExportFormat } from '../../contract/api.js';
import { toClaimReview, toClaimsCsv } from './claim-review.js';
import { toDocBin } from './docbin.js';
import { toHfTokens } from './hf-tokens.js';
import { toProdigy } from './prodigy.js';
import { toWebAnnoTsv } from './webanno-tsv.js';

export { EXPORT_FORMATS, type ExportFormat };

/**
 * Each format's own file name, so two downloads (or two files in one folder) never overwrite
 * each other: doccano's and spaCy's JSONL used to share one. brat names its .txt/.ann pairs
 * after the documents; its name here is the folder's, and the download's zip.
 */
export const EXPORT_FILE_NAMES: Record<ExportFormat, string> = {
  jsonl: 'doccano.jsonl',
  spacy: 'spacy.jsonl',
  conll: 'dataset.conll',
  brat: 'brat',
  labelstudio: 'tasks.json',
  w3c: 'annotations.jsonld',
  csv: 'annotations.csv',
  claimreview: 'claimreview.jsonld',
  'claims-csv': 'claims.csv',
  prodigy: 'prodigy.jsonl',
  // A folder: hf-tokens.jsonl, labels.json and the README.md that load_dataset reads.
  hf: 'hf-tokens',
  docbin: 'dataset.spacy',
  webanno: 'webanno',
};

export interface ExportResult {
  /** One file for most formats; a folder for brat (a .txt and an .ann per document), WebAnno (a .tsv per document and annotator), hf, and CoNLL with several authors. */
  files: ExportFile[];
  /** Whether --out names a folder (brat, hf, CoNLL by author) or a file. */
  folder: boolean;
  warnings: ConllWarning[];
}

/** `part`: the split part being written, for formats that name it (hf's dataset card). */
export function runExport(format: ExportFormat, dataset: Dataset, part?: 'train' | 'dev' | 'test'): ExportResult {
  switch (format) {
    case 'jsonl':
      return { files: [{ name: EXPORT_FILE_NAMES.jsonl, content: toDoccanoJsonl(dataset) }], folder: false, warnings: [] };
    case 'spacy':
      return { files: [{ name: EXPORT_FILE_NAMES.spacy, content: toSpacyJsonl(dataset) }], folder: false, warnings: [] };
    case 'conll':
      // One file, or a folder with a file per author when several made the highlights.
      return toConllFiles(dataset, EXPORT_FILE_NAMES.conll);
    case 'brat':
      return { files: toBrat(dataset), folder: true, warnings: [] };
    case 'labelstudio':
      return { files: [{ name: EXPORT_FILE_NAMES.labelstudio, content: toLabelStudio(dataset) }], folder: false, warnings: [] };
    case 'w3c':
      return { files: [{ name: EXPORT_FILE_NAMES.w3c, content: toWebAnnotation(dataset) }], folder: false, warnings: [] };
    case 'csv':
      return { files: [{ name: EXPORT_FILE_NAMES.csv, content: toCsv(dataset) }], folder: false, warnings: [] };
    case 'claimreview': {
      const { content, warnings } = toClaimReview(dataset);
      return { files: [{ name: EXPORT_FILE_NAMES.claimreview, content }], folder: false, warnings };
    }
    case 'claims-csv':
      return { files: [{ name: EXPORT_FILE_NAMES['claims-csv'], content: toClaimsCsv(dataset) }], folder: false, warnings: [] };
    case 'prodigy': {
      const { content, warnings } = toProdigy(dataset);
      return { files: [{ name: EXPORT_FILE_NAMES.prodigy, content }], folder: false, warnings };
    }
    case 'hf':
      return { ...toHfTokens(dataset, part), folder: true };
    case 'docbin': {
      const { bytes, warnings } = toDocBin(dataset);
      return { files: [{ name: EXPORT_FILE_NAMES.docbin, content: '', bytes }], folder: false, warnings };
    }
    case 'webanno': {
      const { files, warnings } = toWebAnnoTsv(dataset);
      return { files, folder: true, warnings };
    }
  }
}
