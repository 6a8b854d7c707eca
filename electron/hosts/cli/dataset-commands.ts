// The trainers' commands: a dataset written, a train/dev/test split, agreement measured.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { EXPORT_FORMATS } from '../../contract/api.js';
import { writeExport } from '../../services/exports/write-export.js';
import { exportSplitParts } from '../../services/handlers/workspace-tasks.js';
import { counted, type CliCommand } from './command.js';
import { exportFormat, layerOption, need, UsageError } from './options.js';
import { printDisagreements } from './disagreements.js';
import { layerAuthors } from '../../services/exports/dataset.js';
import { handlersFor, openStore, type CliChoices } from './workspace.js';

/** What a warning's highlight missed: CoNLL's tags, or (ClaimReview) a review or a field. */
const leftOut = (format: string) => (format === 'conll' || format === 'hf' ? 'left out of the tags' : format === 'prodigy' ? 'left out of the spans' : 'left out or incomplete');

export const exportCommand: CliCommand = {
  name: 'export',
  usage: `  export   --store DIR --format ${EXPORT_FORMATS.join('|')} --out PATH [--documents ID...] [--author NAME...] [--layer curated|all]
           Write a dataset. brat writes a folder (a .txt and an .ann per document),
           webanno one too (DOCUMENT.ANNOTATOR.tsv), hf one with hf-tokens.jsonl,
           labels.json and README.md, and conll one with a file per author when
           several made the highlights; docbin is spaCy's binary .spacy. conll,
           prodigy, hf, docbin and webanno list on stderr the spans they could not
           keep as they are (never silently dropped).
           --author (repeatable) keeps only those annotators' highlights; --author ''
           is the highlights made before a name was set. --layer curated keeps only
           the curated layer (the editor's adjudicated version, made in curation).
`,
  async run({ io, values, storeDir }) {
    const format = exportFormat(values.format);
    const layer = layerOption(values.layer);
    const out = path.resolve(io.cwd, need(values.out, '--out PATH'));
    const named = values.documents?.flatMap((ids) => ids.split(',')).filter(Boolean);
    const documentIds = named?.length ? named : undefined;
    const choices: CliChoices = { out, format };
    const { handlers } = handlersFor(await openStore(storeDir), io, choices);
    const result = await handlers.exportDataset({ format, documentIds, ...(values.author && { authors: values.author }), ...(layer && { layer }) });
    for (const warning of result.warnings) {
      io.err(`warning: ${warning.documentId} ${warning.annotationId} (${warning.label}, "${warning.text}") ${warning.reason}; ${leftOut(format)}.\n`);
    }
    const n = result.warnings.length;
    const what = format === 'claimreview' ? `${counted(n, 'claim')} left out or incomplete` : `${counted(n, 'span')} left out`;
    const byAuthor = format === 'conll' && choices.folder ? ', a folder with a file per author (highlights by several authors)' : '';
    io.out(`Wrote ${format} to ${out}${byAuthor}${n ? ` (${what}, listed above)` : ''}.\n`);
    return 0;
  },
};

const PARTS = ['train', 'dev', 'test'] as const;

/**
 * The warning when the documents cannot fill every part the ratios ask for (one document goes
 * to one part), saying where they went; null when each part with a share has a document.
 */
export function splitShortfall(ratios: readonly number[], sizes: Record<(typeof PARTS)[number], number>): string | null {
  const empty = PARTS.filter((part, i) => ratios[i]! > 0 && sizes[part] === 0);
  if (empty.length === 0) return null;
  const total = PARTS.reduce((sum, part) => sum + sizes[part], 0);
  const filled = PARTS.filter((part) => sizes[part] > 0);
  const names = empty.length > 1 ? `${empty.slice(0, -1).join(', ')} and ${empty.at(-1)}` : empty[0];
  const emptyParts = `${names} ${empty.length === 1 ? 'is' : 'are'} empty`;
  if (total === 0) return `warning: the workspace has no documents to split; ${emptyParts}.\n`;
  if (total === 1) return `warning: one document cannot be split into train, dev and test; it is all in ${filled[0]}, and ${emptyParts}.\n`;
  return `warning: ${counted(total, 'document')} cannot fill every part of ${ratios.join(',')} (a document goes whole to one part): ${emptyParts}.\n`;
}

export const splitCommand: CliCommand = {
  name: 'split',
  usage: `  split    --store DIR --ratios 80,10,10 --seed N --format FORMAT --out DIR [--author NAME...] [--layer curated|all]
           Train, dev and test sets by document; the same seed gives the same split.
`,
  async run({ io, values, storeDir }) {
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
    const { split, parts } = await exportSplitParts(service, format, undefined, ratios as [number, number, number], seed, layerAuthors(layerOption(values.layer), values.author));
    for (const { part, files, folder, warnings } of parts) {
      for (const warning of warnings) {
        io.err(`warning: ${part}: ${warning.documentId} ${warning.annotationId} (${warning.label}, "${warning.text}") ${warning.reason}; ${leftOut(format)}.\n`);
      }
      // Each part's folder is made even when the part is empty.
      await fs.mkdir(folder ? path.join(out, part) : out, { recursive: true });
      await writeExport({ files, folder: true }, out);
    }
    const sizes = { train: split.train.length, dev: split.dev.length, test: split.test.length };
    const shortfall = splitShortfall(ratios, sizes);
    if (shortfall) io.err(shortfall);
    io.out(`Split ${counted(store.data.documents.length, 'document')} into ${sizes.train} train, ${sizes.dev} dev, ${sizes.test} test (seed ${seed}) in ${out}.\n`);
    return 0;
  },
};

export const agreementCommand: CliCommand = {
  name: 'agreement',
  usage: `  agreement --store DIR [--json] [--author NAME...] [--disagreements [--documents ID...]]
           Span F1 per label and annotator pair (exact and overlapping), Cohen's kappa
           on token labels, Krippendorff's alpha with three or more annotators;
           with --author, among those annotators only. --disagreements lists instead
           where they disagree, per document: spans not every annotator marked, and
           the same span (same start and end) with different labels, speakers or
           verdicts, with each annotator's version (--json: the whole report).
`,
  async run({ io, values, storeDir }) {
    const { handlers } = handlersFor(await openStore(storeDir), io);
    if (values.disagreements) {
      const documentIds = values.documents?.flatMap((ids) => ids.split(',')).filter(Boolean);
      return printDisagreements(handlers, io, { authors: values.author, documentIds: documentIds?.length ? documentIds : undefined, json: values.json });
    }
    const report = await handlers.measureAgreement(values.author ? { authors: values.author } : {});
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
      io.out(`${pair.annotators[0]} / ${pair.annotators[1]} (${counted(pair.documents, 'document')}): Cohen's kappa ${f(pair.kappa)}\n`);
      for (const [label, scores] of Object.entries(pair.byLabel)) io.out(`  ${label}: F1 exact ${f(scores.exact?.f1)}, overlapping ${f(scores.overlap?.f1)}\n`);
    }
    if (report.alpha !== null) io.out(`Krippendorff's alpha (${counted(report.annotators.length, 'annotator')}): ${f(report.alpha)}\n`);
    return 0;
  },
};
