// `annotator`: the trainers' command line. Every command reads the same workspace the app
// writes, through the same handlers the windows call (the CLI is a host: its "dialogs" are
// its options). Errors go to stderr with a non-zero exit code.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError, EXPORT_FORMATS, TEXT_ENCODINGS, type ExportFormat, type ImportReport, type TextEncoding } from '../../contract/api.js';
import { MAX_ANNOTATION_FILE_BYTES, MAX_DOCUMENT_BYTES } from '../../contract/limits.js';
import { AnnotatorService } from '../../services/annotator-service.js';
import { DOCUMENT_EXTENSIONS } from '../../services/documents/index.js';
import { readUserFile } from '../../services/documents/open-files.js';
import { writeExport } from '../../services/exports/write-export.js';
import { browserHostOnlyMethods, createApiHandlers, type ApiHandlers, type HostOnlyMethods } from '../../services/handlers/api-handlers.js';
import { exportSplitParts, importFiles, type ExportStep } from '../../services/handlers/workspace-tasks.js';
import { ANNOTATION_EXTENSIONS, type ImportInput } from '../../services/imports/plan-files.js';
import { StoreFileError } from '../../services/store/durable-json-file.js';
import { COMPACT_USAGE, compactCommand } from './compact.js';
import { acquireWorkspaceLock, type WorkspaceLock } from '../../services/store/workspace-lock.js';
import { WorkspaceStore } from '../../services/store/workspace-store.js';

export const USAGE = `Usage: annotator <command> [options]

Commands:
  init     --store DIR
           Start an empty workspace in DIR (made if missing); refused where one is already.
  import   FILE... --store DIR [--author NAME] [--encoding NAME] [--dry-run] [--json]
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
  export   --store DIR --format ${EXPORT_FORMATS.join('|')} --out PATH [--documents ID...] [--author NAME...]
           Write a dataset. brat writes a folder (a .txt and an .ann per document),
           webanno one too (DOCUMENT.ANNOTATOR.tsv), hf one with hf-tokens.jsonl,
           labels.json and README.md, and conll one with a file per author when
           several made the highlights; docbin is spaCy's binary .spacy. conll,
           prodigy, hf, docbin and webanno list on stderr the spans they could not
           keep as they are (never silently dropped).
           --author (repeatable) keeps only those annotators' highlights; --author ''
           is the highlights made before a name was set.
  split    --store DIR --ratios 80,10,10 --seed N --format FORMAT --out DIR [--author NAME...]
           Train, dev and test sets by document; the same seed gives the same split.
  stats    --store DIR [--json]
           Documents, highlights by label, speakers.
  agreement --store DIR [--json] [--author NAME...]
           Span F1 per label and annotator pair (exact and overlapping), Cohen's kappa
           on token labels, Krippendorff's alpha with three or more annotators;
           with --author, among those annotators only.
  merge    --store DIR OTHER_DIR
           Bring in a colleague's workspace: documents matched by their text, highlights
           keep their authors, and merging twice adds nothing more.
  validate --store DIR
           Every store file parses and every highlight's text matches its document.
${COMPACT_USAGE}

Offsets in jsonl, spacy, brat, labelstudio and w3c count Unicode code points, as Python does.
`;

export class UsageError extends Error {}

const COMMANDS = ['init', 'import', 'export', 'split', 'merge', 'agreement', 'stats', 'validate', 'compact'];

interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A progress line on a terminal (redrawn in place); absent when output goes to a file or a script. */
  progress?(text: string): void;
  /** Where relative paths are resolved from. */
  cwd: string;
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      options: {
        store: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        documents: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        ratios: { type: 'string' },
        // Repeatable for export and split (whose highlights); import takes one (who made them).
        author: { type: 'string', multiple: true },
        seed: { type: 'string' },
        encoding: { type: 'string' },
        'dry-run': { type: 'boolean' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/\. To specify.*$/s, '.'));
  }
}

/** A 20-character bar for a progress line. */
export function bar(done: number, total: number): string {
  const filled = total ? Math.round((done / total) * 20) : 20;
  return `[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}]`;
}

function exportFormat(value: string | undefined): ExportFormat {
  const format = need(value, '--format') as ExportFormat;
  if (!EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${format}".`);
  return format;
}

function textEncoding(value: string | undefined): TextEncoding | undefined {
  if (value === undefined) return undefined;
  const encoding = value.toLowerCase();
  if (!(TEXT_ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding must be one of ${TEXT_ENCODINGS.join(', ')}, not "${value}".`);
  return encoding as TextEncoding;
}

function need(value: string | undefined, option: string): string {
  if (!value) throw new UsageError(`${option} is needed.`);
  return value;
}

/** Commands that write pass `locks`: they hold the workspace's lock, so no app writes it meanwhile. */
async function openStore(dir: string, locks?: WorkspaceLock[]): Promise<WorkspaceStore> {
  try {
    await fs.access(path.join(dir, 'workspace.json'));
  } catch {
    throw new ApiError('not-found', `There is no workspace in ${dir} (no workspace.json). Give the folder the app uses with --store, or start one with annotator init --store ${dir}.`);
  }
  if (locks) locks.push(await acquireWorkspaceLock(dir, 'cli'));
  return WorkspaceStore.open(dir);
}

/**
 * Starts a workspace in `dir` (the folder made if missing), or opens the one there with
 * `whenThere: 'open'`. Holds the lock from before the check, so two runs cannot both create it.
 */
async function createStore(dir: string, locks: WorkspaceLock[], whenThere: 'open' | 'refuse'): Promise<{ store: WorkspaceStore; created: boolean }> {
  const there = () => fs.access(path.join(dir, 'workspace.json')).then(() => true, () => false);
  const refuse = () => new ApiError('bad-request', `There is already a workspace in ${dir}; nothing was changed. Use it with --store ${dir}.`);
  if (await there()) {
    if (whenThere === 'refuse') throw refuse();
    return { store: await openStore(dir, locks), created: false };
  }
  await fs.mkdir(dir, { recursive: true });
  locks.push(await acquireWorkspaceLock(dir, 'cli'));
  if (await there()) {
    // Another run created it meanwhile.
    if (whenThere === 'refuse') throw refuse();
    return { store: await WorkspaceStore.open(dir), created: false };
  }
  // The store starts an empty workspace.json itself (and refuses where only its backups are left).
  const store = await WorkspaceStore.open(dir);
  await store.flush();
  return { store, created: true };
}

const createdLine = (dir: string) => `Created a new workspace in ${dir}.\n`;

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

/** The workspace's status names, by id, for the conflicts' lines. */
const statusNames = (store: WorkspaceStore) => new Map(store.data.statuses.map((s) => [s.id, s.name]));

const counted = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

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

/** What the options chose: where an export goes, which workspace to merge. */
interface CliChoices {
  out?: string;
  format?: ExportFormat;
  otherDir?: string;
  /** Set by the export: whether it was written as a folder (CoNLL by several authors is). */
  folder?: boolean;
}

/** The CLI as a host: what a window would choose in a dialog, it was given as an option. */
function cliHost(io: Io, chosen: CliChoices): HostOnlyMethods {
  return {
    ...browserHostOnlyMethods,
    async chooseExportDestination(_format, what) {
      chosen.folder = what.folder;
      return chosen.out ? { path: chosen.out } : 'cancelled';
    },
    async chooseWorkspaceToMerge() {
      return chosen.otherDir ?? null;
    },
    exportProgress(step: ExportStep) {
      io.progress?.(step === 'writing' ? `Writing ${chosen.format}…` : step === 'ready' ? '' : `Reading documents ${bar(step.reading, step.of)} ${step.reading}/${step.of}`);
    },
  };
}

function handlersFor(store: WorkspaceStore, io: Io, chosen: CliChoices = {}): { service: AnnotatorService; handlers: ApiHandlers } {
  const service = new AnnotatorService(store, 'browser');
  return { service, handlers: createApiHandlers(service, cliHost(io, chosen)) };
}

/** What a warning's highlight missed: CoNLL's tags, or (ClaimReview) a review or a field. */
const leftOut = (format: string) => (format === 'conll' || format === 'hf' ? 'left out of the tags' : format === 'prodigy' ? 'left out of the spans' : 'left out or incomplete');

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const locks: WorkspaceLock[] = [];
  try {
    if (!command || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (!COMMANDS.includes(command)) throw new UsageError(`There is no command "${command}".`);
    const { values, positionals } = parseOptions(rest);
    const storeDir = path.resolve(io.cwd, need(values.store, '--store DIR'));
    if (command === 'init') {
      if (positionals.length) throw new UsageError(`init takes only --store DIR, not "${positionals[0]}".`);
      await createStore(storeDir, locks, 'refuse');
      io.out(createdLine(storeDir));
      return 0;
    }
    if (command === 'export') {
      const format = exportFormat(values.format);
      const out = path.resolve(io.cwd, need(values.out, '--out PATH'));
      const named = values.documents?.flatMap((ids) => ids.split(',')).filter(Boolean);
      const documentIds = named?.length ? named : undefined;
      const choices: CliChoices = { out, format };
      const { handlers } = handlersFor(await openStore(storeDir), io, choices);
      const result = await handlers.exportDataset({ format, documentIds, ...(values.author && { authors: values.author }) });
      for (const warning of result.warnings) {
        io.err(`warning: ${warning.documentId} ${warning.annotationId} (${warning.label}, "${warning.text}") ${warning.reason}; ${leftOut(format)}.\n`);
      }
      const n = result.warnings.length;
      const what = format === 'claimreview' ? `${n} claim${n === 1 ? '' : 's'} left out or incomplete` : `${n === 1 ? '1 span' : `${n} spans`} left out`;
      const byAuthor = format === 'conll' && choices.folder ? ', a folder with a file per author (highlights by several authors)' : '';
      io.out(`Wrote ${format} to ${out}${byAuthor}${n ? ` (${what}, listed above)` : ''}.\n`);
      return 0;
    }
    if (command === 'split') {
      const format = exportFormat(values.format);
      const ratios = need(values.ratios, '--ratios 80,10,10').split(',').map(Number);
      if (ratios.length !== 3 || ratios.some((r) => !Number.isFinite(r) || r < 0) || ratios.every((r) => r === 0)) {
        throw new UsageError(`--ratios is three numbers, for example 80,10,10, not "${values.ratios}".`);
      }
      const seed = Number(need(values.seed, '--seed N'));
      if (!Number.isInteger(seed)) throw new UsageError(`--seed is a whole number, not "${values.seed}".`);
      const out = path.resolve(io.cwd, need(values.out, '--out DIR'));
      const store = await openStore(storeDir);
      const { service } = handlersFor(store, io);
      const { split, parts } = await exportSplitParts(service, format, undefined, ratios as [number, number, number], seed, values.author);
      for (const { part, files, folder, warnings } of parts) {
        for (const warning of warnings) {
          io.err(`warning: ${part}: ${warning.documentId} ${warning.annotationId} (${warning.label}, "${warning.text}") ${warning.reason}; ${leftOut(format)}.\n`);
        }
        // Each part's folder is made even when the part is empty.
        await fs.mkdir(folder ? path.join(out, part) : out, { recursive: true });
        await writeExport({ files, folder: true }, out);
      }
      io.out(`Split ${store.data.documents.length} documents into ${split.train.length} train, ${split.dev.length} dev, ${split.test.length} test (seed ${seed}) in ${out}.\n`);
      return 0;
    }
    if (command === 'import') {
      if (positionals.length === 0) throw new UsageError('import needs the files to import: annotator import FILE... --store DIR');
      const encoding = textEncoding(values.encoding);
      if ((values.author?.length ?? 0) > 1) throw new UsageError(`import records one author on what it brings in; --author was given ${values.author!.length} times.`);
      const author = values.author?.[0];
      // Every file is read and checked before anything is written; a brat .ann brings its .txt.
      const inputs: ImportInput[] = [];
      for (const given of positionals) {
        const file = path.resolve(io.cwd, given);
        // An annotation file carries a whole dataset; a document keeps the document limit.
        const limit = ANNOTATION_EXTENSIONS.includes(path.extname(file).toLowerCase()) ? MAX_ANNOTATION_FILE_BYTES : MAX_DOCUMENT_BYTES;
        inputs.push({ name: given, bytes: await readUserFile(file, limit), encoding, filePath: file });
        if (/\.ann$/i.test(file) && !positionals.some((p) => path.resolve(io.cwd, p) === file.replace(/\.ann$/i, '.txt'))) {
          const txt = file.replace(/\.ann$/i, '.txt');
          const bytes = await readUserFile(txt).catch(() => {
            throw new ApiError('not-found', `${given}: its text ${path.basename(txt)} is not beside it; brat keeps each .ann with its .txt. Nothing was imported.`);
          });
          inputs.push({ name: path.join(path.dirname(given), path.basename(txt)), bytes });
        }
      }
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
    }
    if (command === 'merge') {
      const otherDir = positionals[0];
      if (!otherDir) throw new UsageError('merge needs the other workspace folder: annotator merge --store DIR OTHER_DIR');
      const store = await openStore(storeDir, locks);
      const report = (await handlersFor(store, io, { otherDir: path.resolve(io.cwd, otherDir) }).handlers.mergeWorkspaceWithDialog())!;
      await store.flush();
      io.out(
        `Merged ${path.resolve(io.cwd, otherDir)}: ${report.documentsAdded} documents added, ${report.documentsMatched} matched; ` +
          `${report.highlightsAdded} highlights added, ${report.highlightsAlreadyThere} already there; ` +
          `${report.speakersAdded} speakers and ${report.labelsAdded} labels added.\n`,
      );
      return 0;
    }
    if (command === 'agreement') {
      const report = await handlersFor(await openStore(storeDir), io).handlers.measureAgreement(values.author ? { authors: values.author } : {});
      if (values.json) {
        io.out(`${JSON.stringify(report, null, 2)}\n`);
        return 0;
      }
      if (report.pairs.length === 0) {
        io.out('No document has highlights by two or more annotators yet.\n');
        return 0;
      }
      const f = (value: number | null | undefined) => (value === null || value === undefined ? '–' : value.toFixed(3));
      for (const pair of report.pairs) {
        io.out(`${pair.annotators[0]} / ${pair.annotators[1]} (${pair.documents} documents): Cohen's kappa ${f(pair.kappa)}\n`);
        for (const [label, scores] of Object.entries(pair.byLabel)) io.out(`  ${label}: F1 exact ${f(scores.exact?.f1)}, overlapping ${f(scores.overlap?.f1)}\n`);
      }
      if (report.alpha !== null) io.out(`Krippendorff's alpha (${report.annotators.length} annotators): ${f(report.alpha)}\n`);
      return 0;
    }
    if (command === 'stats') {
      const store = await openStore(storeDir);
      const byLabel = new Map<string, number>();
      let highlights = 0;
      for (const doc of store.data.documents) {
        for (const a of await store.annotations(doc)) {
          highlights++;
          const name = store.data.labels.find((l) => l.id === a.labelId)?.name ?? a.labelId;
          byLabel.set(name, (byLabel.get(name) ?? 0) + 1);
        }
      }
      const stats = { documents: store.data.documents.length, highlights, byLabel: Object.fromEntries(byLabel), speakers: store.data.speakers.length };
      if (values.json) io.out(`${JSON.stringify(stats, null, 2)}\n`);
      else {
        io.out(`${stats.documents} documents, ${highlights} highlights, ${stats.speakers} speakers\n`);
        for (const [name, count] of byLabel) io.out(`  ${name}: ${count}\n`);
      }
      return 0;
    }
    if (command === 'compact') {
      const dryRun = values['dry-run'] === true;
      return await compactCommand(await openStore(storeDir, dryRun ? undefined : locks), { dryRun }, io);
    }
    if (command === 'validate') {
      const store = await openStore(storeDir);
      const problems: string[] = [];
      for (const doc of store.data.documents) {
        let text: string;
        try {
          text = await store.readText(doc);
        } catch {
          problems.push(`${doc.id}: its text snapshot texts/${doc.textHash}.txt is missing.`);
          continue;
        }
        for (const a of await store.annotations(doc)) {
          if (text.slice(a.start, a.end) !== a.text) problems.push(`${doc.id} ${a.id}: the text at ${a.start}–${a.end} is not "${a.text}".`);
        }
      }
      for (const problem of problems) io.err(`${problem}\n`);
      io.out(problems.length ? `${problems.length} problems found.\n` : 'Every store file parses and every highlight matches its text.\n');
      return problems.length ? 1 : 0;
    }
    throw new UsageError(`There is no command "${command}".`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof StoreFileError || error instanceof ApiError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      const file = (error as NodeJS.ErrnoException).path ?? '';
      io.err(`${file}: ${code === 'ENOENT' ? 'there is no such file' : code === 'EISDIR' ? 'that is a folder, not a file' : 'it cannot be read (permission denied)'}.\n`);
      return 1;
    }
    io.err(`annotator: ${(error as Error).message}\n`);
    return 1;
  } finally {
    await Promise.all(locks.map((lock) => lock.release()));
  }
}
