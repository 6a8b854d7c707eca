// `annotator import`: documents and other tools' annotation files into a workspace, with a
// dry run that writes nothing and a report of what was (or would be) brought in.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApiError, TEXT_ENCODINGS, type ImportReport } from '../../contract/api.js';
import { MAX_ANNOTATION_FILE_BYTES, MAX_DOCUMENT_BYTES } from '../../contract/limits.js';
import { AnnotatorService } from '../../services/annotator-service.js';
import { DOCUMENT_EXTENSIONS } from '../../services/documents/index.js';
import { readUserFile } from '../../services/documents/open-files.js';
import { importFiles } from '../../services/handlers/workspace-tasks.js';
import { ANNOTATION_EXTENSIONS, type ImportInput } from '../../services/imports/plan-files.js';
import { WorkspaceStore } from '../../services/store/workspace-store.js';
import { counted, type CliCommand } from './command.js';
import { textEncoding, UsageError } from './options.js';
import { createdLine, createStore, handlersFor, statusNames } from './workspace.js';

/**
 * An import planned and counted, nothing written: against the workspace in `dir` (read, not
 * locked), or, when there is none yet, an empty one in a temporary folder, removed after.
 */
async function dryRunImport(dir: string, inputs: ImportInput[], author: string | undefined): Promise<{ report: ImportReport; created: boolean; statuses: Map<string, string> }> {
  const there = await fs.access(path.join(dir, 'workspace.json')).then(() => true, () => false);
  const scratch = there ? null : await fs.mkdtemp(path.join(os.tmpdir(), 'annotator-dry-run-'));
  try {
    const store = await WorkspaceStore.open(scratch ?? dir, { lookOnly: scratch === null });
    const report = await importFiles(new AnnotatorService(store, 'browser'), inputs, author, { dryRun: true });
    await store.flush();
    return { report, created: scratch !== null, statuses: statusNames(store) };
  } finally {
    if (scratch) await fs.rm(scratch, { recursive: true, force: true });
  }
}

/**
 * "Would import 3 documents (1 new): 4 new highlights, 26 already present, 1 conflict, 2 new
 * speakers, 0 new labels. Nothing was written." (or "Imported …"), then the new names and each
 * conflict: where, which words, the workspace's verdict and the file's, and whose.
 */
export function describeImport(report: ImportReport, statuses: ReadonlyMap<string, string>): string {
  const lines = [
    `${report.written ? 'Imported' : 'Would import'} ${counted(report.documents, 'document')} (${report.documentsAdded} new): ` +
      `${counted(report.highlights, 'new highlight')}, ${report.alreadyPresent} already present` +
      `${report.differing ? ` (${report.differing} otherwise in the file; the workspace's kept)` : ''}, ${counted(report.conflicts.length, 'conflict')}, ` +
      `${counted(report.speakersAdded.length, 'new speaker')}, ${counted(report.labelsAdded.length, 'new label')}.${report.written ? '' : ' Nothing was written.'}`,
  ];
  if (report.speakersAdded.length) lines.push(`New speakers: ${report.speakersAdded.join(', ')}.`);
  if (report.labelsAdded.length) lines.push(`New labels: ${report.labelsAdded.join(', ')}.`);
  for (const note of report.leftOut) lines.push(`Not imported: ${note}`);
  const name = (id: string) => statuses.get(id) ?? id;
  for (const c of report.conflicts) {
    const words = c.text.replace(/\s+/g, ' ');
    lines.push(
      `Conflict in "${c.documentTitle}" (${c.documentId}), "${words.length > 60 ? `${words.slice(0, 58)}…` : words}": ` +
        `here ${name(c.here)}, the file says ${name(c.incoming)}${c.incomingBy ? ` (${c.incomingBy})` : ''}. ${report.written ? 'Kept for an editor to settle.' : 'It would be kept for an editor to settle.'}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Every file read and checked before anything is written; a brat .ann brings its .txt. */
async function readInputs(positionals: string[], cwd: string, encoding: ImportInput['encoding']): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  for (const given of positionals) {
    const file = path.resolve(cwd, given);
    // An annotation file carries a whole dataset; a document keeps the document limit.
    const limit = ANNOTATION_EXTENSIONS.includes(path.extname(file).toLowerCase()) ? MAX_ANNOTATION_FILE_BYTES : MAX_DOCUMENT_BYTES;
    inputs.push({ name: given, bytes: await readUserFile(file, limit), encoding, filePath: file });
    if (/\.ann$/i.test(file) && !positionals.some((p) => path.resolve(cwd, p) === file.replace(/\.ann$/i, '.txt'))) {
      const txt = file.replace(/\.ann$/i, '.txt');
      const bytes = await readUserFile(txt).catch(() => {
        throw new ApiError('not-found', `${given}: its text ${path.basename(txt)} is not beside it; brat keeps each .ann with its .txt. Nothing was imported.`);
      });
      inputs.push({ name: path.join(path.dirname(given), path.basename(txt)), bytes });
    }
  }
  return inputs;
}

export const importCommand: CliCommand = {
  name: 'import',
  usage: `  import   FILE... --store DIR [--author NAME] [--encoding NAME] [--dry-run] [--json]
           Starts a workspace in DIR when there is none yet, and says so.
           What the workspace already has is not added again (importing the same
           files twice adds nothing); a verdict that differs from the workspace's
           is kept as a conflict for an editor, never picked. --dry-run prints
           what the import would do and writes nothing; --json prints the report.
           Documents (${DOCUMENT_EXTENSIONS.join(' ')})
           and annotation files: doccano, spaCy or Prodigy JSONL (.jsonl), Label Studio tasks
           (.json), W3C Web Annotation (.jsonld), brat (.ann beside its .txt).
           A malformed file imports nothing. Text encodings are detected; with
           --encoding every document is read in the one named:
           ${TEXT_ENCODINGS.join(', ')}.
`,
  async run({ io, values, positionals, storeDir, locks }) {
    if (positionals.length === 0) throw new UsageError('import needs the files to import: annotator import FILE... --store DIR');
    const encoding = textEncoding(values.encoding);
    if ((values.author?.length ?? 0) > 1) throw new UsageError(`import records one author on what it brings in; --author was given ${values.author!.length} times.`);
    const author = values.author?.[0];
    const inputs = await readInputs(positionals, io.cwd, encoding);
    if (values['dry-run']) {
      const { report, created, statuses } = await dryRunImport(storeDir, inputs, author);
      if (values.json) io.out(`${JSON.stringify(report, null, 2)}\n`);
      else io.out(`${created ? `There is no workspace in ${storeDir} yet; the import would start one.\n` : ''}${describeImport(report, statuses)}`);
      return 0;
    }
    // Started only once every file could be read: a mistyped file name leaves no empty workspace behind.
    const { store, created } = await createStore(storeDir, locks, 'open');
    if (created && !values.json) io.out(createdLine(storeDir));
    const { service } = handlersFor(store, io);
    const report = await importFiles(service, inputs, author);
    await store.flush();
    io.out(values.json ? `${JSON.stringify(report, null, 2)}\n` : describeImport(report, statusNames(store)));
    return 0;
  },
};
