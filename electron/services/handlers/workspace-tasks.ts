// The import, export and split sequences, written once: the handlers run them for every
// window, and the command line runs them with what only it has (an author, paths, progress).
import type { ExportFormat } from '../../contract/api.js';
import type { AnnotatorService } from '../annotator-service.js';
import { collectDataset } from '../exports/dataset.js';
import { runExport, type ExportResult } from '../exports/formats.js';
import { exportSplit, type SplitExportPart } from '../exports/split-export.js';
import type { Split } from '../exports/splits.js';
import { applyImport, type ImportOptions, type ImportReport } from '../imports/apply.js';
import { planFiles, type ImportInput } from '../imports/plan-files.js';
import type { StoredDocument } from '../store/workspace-store.js';
import type { DocumentLens } from '../blind-lens.js';

/** How far an export is: reading documents (done of total), then writing the format. */
export type ExportStep = { reading: number; of: number } | 'writing' | 'ready';

/**
 * Every file is read and checked before anything is written; a malformed file imports nothing.
 * With `dryRun`, the report says what the import would do and nothing is written.
 */
export async function importFiles(service: AnnotatorService, inputs: ImportInput[], author?: string, options: ImportOptions = {}): Promise<ImportReport> {
  if (!options.dryRun) service.requireWritable();
  const plans = await planFiles(inputs, service.store);
  return applyImport(service, plans, author, options);
}

/** A dataset of the documents named (all when none are), in one format; only `authors`' highlights when given. */
export async function exportDataset(
  service: AnnotatorService,
  format: ExportFormat,
  documentIds?: string[],
  onStep?: (step: ExportStep) => void,
  authors?: string[],
  lens?: DocumentLens,
): Promise<ExportResult> {
  await service.store.flush();
  const dataset = await collectDataset(service.store, documentIds, onStep && ((done, total) => onStep({ reading: done, of: total })), authors, lens);
  onStep?.('writing');
  const result = runExport(format, dataset);
  onStep?.('ready');
  return result;
}

/** train/, dev/ and test/ parts of an export by document; `result` is all their files, to save in one folder. */
export async function exportSplitParts(
  service: AnnotatorService,
  format: ExportFormat,
  documentIds: string[] | undefined,
  ratios: [number, number, number],
  seed: number,
  authors?: string[],
  lens?: DocumentLens,
): Promise<{ split: Split<StoredDocument>; parts: SplitExportPart[]; result: ExportResult }> {
  await service.store.flush();
  const all = service.store.data.documents;
  const chosen = documentIds?.length ? all.filter((d) => documentIds.includes(d.id)) : all;
  const { split, parts } = await exportSplit(service.store, format, chosen, ratios, seed, authors, lens);
  return { split, parts, result: { files: parts.flatMap((p) => p.files), folder: true, warnings: parts.flatMap((p) => p.warnings) } };
}
