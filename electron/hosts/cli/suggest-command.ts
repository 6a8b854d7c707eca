// `annotator suggest FILE...`: the suggester's quotes, speakers and claims for files of any format
// the app reads, as a fact-checker reads them, or one JSON line per file for scripts.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/api.js';
import { checkDocumentSize, readDocument } from '../../services/documents/index.js';
import { suggest, type Suggestions } from '../../services/suggestions/suggest.js';
import { counted, type CliCommand, type Io } from './command.js';
import { need, UsageError } from './options.js';
import { saveSuggestions } from '../../services/suggestions/for-document.js';
import type { WorkspaceLock } from '../../services/store/workspace-lock.js';
import { handlersFor, openStore } from './workspace.js';

export const suggestCommand: CliCommand = {
  name: 'suggest',
  withoutStore: true,
  usage: `  suggest  FILE... [--json]
  suggest  --store DIR --doc ID|TITLE
           Propose quotes (direct and indirect, with their cue and speaker) and
           check-worthy claims for each file, with the reason for each; nothing is
           saved. --json prints one line per file: {"file", "quotes", "claims"},
           offsets in UTF-16 code units of the text as the app reads it.
           With --store and --doc, saves them for that document as pre-annotations,
           for a person to accept or reject in the window; none becomes a highlight.
`,
  async run({ io, values, positionals, storeDir, locks }) {
    if (values.doc !== undefined) return savePreAnnotations(io, storeDir, need(values.doc, '--doc ID'), positionals, locks);
    if (positionals.length === 0) throw new UsageError('suggest needs at least one file: annotator suggest story.txt');
    let failed = 0;
    for (const file of positionals) {
      try {
        const text = await readText(io, file);
        const found = suggest(text);
        if (values.json) io.out(`${JSON.stringify({ file, ...found })}\n`);
        else printSuggestions(io, file, text, found);
      } catch (error) {
        failed++;
        io.err(`${file}: ${whyNot(error)}\n`);
      }
    }
    return failed ? 1 : 0;
  },
};

async function savePreAnnotations(io: Io, storeDir: string, documentId: string, files: string[], locks: WorkspaceLock[]): Promise<number> {
  if (!storeDir) throw new UsageError('suggest --doc ID needs the workspace: annotator suggest --store DIR --doc ID');
  if (files.length) throw new UsageError(`suggest --doc takes no files ("${files[0]}"); it suggests for the stored document.`);
  const store = await openStore(storeDir, locks);
  // By id, or by its title or file name when only one document has it.
  const named = store.data.documents.filter((d) => d.title === documentId || d.fileName === documentId);
  const doc = store.findDocument(documentId) ?? (named.length === 1 ? named[0] : undefined);
  if (!doc) {
    const some = store.data.documents.slice(0, 10).map((d) => `\n  ${d.id}  ${d.title}`).join('');
    const why = named.length > 1 ? `${named.length} documents are called "${documentId}"; give its id` : `There is no document "${documentId}" in ${storeDir}`;
    throw new UsageError(`${why}.${some ? ` Its documents (id, title):${some}${store.data.documents.length > 10 ? '\n  …' : ''}` : ' It has no documents yet.'}`);
  }
  const { service } = handlersFor(store, io);
  const { suggestions, missingLabels } = await service.suggestAnnotations(doc.id, true);
  await saveSuggestions(store, doc, suggestions);
  const quotes = suggestions.filter((s) => s.kind !== 'claim').length;
  io.out(`Saved ${counted(quotes, 'quote')} and ${counted(suggestions.length - quotes, 'claim')} as pre-annotations for “${doc.title}”: open it in the window to accept or reject them.\n`);
  if (missingLabels.length) io.err(`No ${missingLabels.join(' or ')} label in this workspace, so none of those were suggested.\n`);
  return 0;
}

async function readText(io: Io, file: string): Promise<string> {
  const full = path.resolve(io.cwd, file);
  const stat = await fs.stat(full);
  if (stat.isDirectory()) throw new Error('that is a folder, not a file.');
  checkDocumentSize(path.basename(full), stat.size);
  return (await readDocument(path.basename(full), new Uint8Array(await fs.readFile(full)))).text;
}

function whyNot(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'there is no such file.';
  if (code === 'EACCES') return 'it cannot be read (permission denied).';
  return error instanceof ApiError || error instanceof Error ? error.message : String(error);
}

const quoted = (text: string, max = 90) => {
  const flat = text.replace(/\s+/g, ' ');
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
};

function printSuggestions(io: Io, file: string, text: string, found: Suggestions): void {
  const direct = found.quotes.filter((q) => q.kind === 'direct').length;
  io.out(`${file}: ${counted(found.quotes.length, 'quote')} (${direct} direct, ${found.quotes.length - direct} indirect), ${counted(found.claims.length, 'claim')} worth checking\n`);
  for (const q of found.quotes) {
    const who = q.speakerName ?? (q.speaker ? text.slice(q.speaker.start, q.speaker.end) : 'speaker unknown');
    io.out(`  ${q.kind === 'direct' ? 'quote   ' : 'indirect'} ${q.start}-${q.end} ${quoted(text.slice(q.start, q.end))} — ${who}\n           why: ${q.reason}\n`);
  }
  for (const c of found.claims) io.out(`  claim    ${c.start}-${c.end} ${c.score.toFixed(2)} ${quoted(text.slice(c.start, c.end))}\n           why: ${c.reason}\n`);
}
