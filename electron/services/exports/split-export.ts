// Train, dev and test exports of one split, the same for the Export dialog and `annotator split`.
import path from 'node:path';
import { ApiError } from '../../contract/errors.js';
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';
import type { ExportFile } from './brat.js';
import type { ConllWarning } from './conll.js';
import type { DocumentLens } from '../blind-lens.js';
import { collectDataset } from './dataset.js';
import { runExport, type ExportFormat } from './formats.js';
import { splitDocuments, type Split } from './splits.js';

export interface SplitExportPart {
  part: 'train' | 'dev' | 'test';
  /** Named as they go in the output folder: train/<name> for folder formats, else train.<ext>. */
  files: ExportFile[];
  /** Whether the part is a folder of its own (brat). */
  folder: boolean;
  warnings: ConllWarning[];
}

export async function exportSplit(
  store: WorkspaceStore,
  format: ExportFormat,
  documents: StoredDocument[],
  ratios: [number, number, number],
  seed: number,
  /** Only these annotators' highlights, in every part (see collectDataset). */
  authors?: string[],
  /** What the window's person sees, under blind annotation (see blind-lens.ts). */
  lens?: DocumentLens,
): Promise<{ split: Split<StoredDocument>; parts: SplitExportPart[] }> {
  let split: Split<StoredDocument>;
  try {
    split = splitDocuments(documents, ratios, seed);
  } catch (error) {
    throw new ApiError('bad-request', (error as Error).message);
  }
  const parts: SplitExportPart[] = [];
  for (const part of ['train', 'dev', 'test'] as const) {
    const result = runExport(format, await collectDataset(store, split[part].map((d) => d.id), undefined, authors, lens), part);
    const files = result.files.map((file) => ({
      name: result.folder ? `${part}/${file.name}` : `${part}${path.posix.extname(file.name)}`,
      content: file.content,
      ...(file.bytes && { bytes: file.bytes }),
    }));
    parts.push({ part, files, folder: result.folder, warnings: result.warnings });
  }
  return { split, parts };
}
