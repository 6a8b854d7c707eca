// Suggestions for one stored document, in the workspace's own labels: what the suggester
// proposes, less what an existing highlight already covers and what a person rejected for this
// text. Rejections and pre-annotations live in suggestions/<document id>.json, apart from the
// annotations, so nothing here is exported, synced or counted.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { suggestionSchema, type Suggestion, type SuggestionsResult } from '../../contract/schemas/suggestions.js';
import { writeFileDurably } from '../store/durable-json-file.js';
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';
import type { Annotation } from '../../contract/api.js';
import { notCovered } from '../../contract/suggestion-rules.js';
import { toRows } from './suggestion-rows.js';
import type { KnownSpeaker, Suggestions } from './types.js';

export const SUGGESTIONS_DIR = 'suggestions';

const suggestionsFileSchema = z.object({
  textHash: z.string(),
  rejected: z.array(z.string()),
  /** Pre-annotations (annotator suggest --store DIR --doc ID), for this text only; checked one by one. */
  saved: z.array(z.unknown()).nullable(),
});
type SuggestionsFile = { textHash: string; rejected: string[]; saved: Suggestion[] | null };

const fileOf = (store: WorkspaceStore, documentId: string) => path.join(store.dir, SUGGESTIONS_DIR, `${documentId}.json`);

/** What is kept for the document's current text; a file for an older text, or a damaged one, holds nothing for it. */
async function readFile(store: WorkspaceStore, doc: StoredDocument): Promise<SuggestionsFile> {
  const empty: SuggestionsFile = { textHash: doc.textHash, rejected: [], saved: null };
  try {
    const parsed = suggestionsFileSchema.safeParse(JSON.parse(await fs.readFile(fileOf(store, doc.id), 'utf8')));
    if (!parsed.success || parsed.data.textHash !== doc.textHash) return empty;
    // A row edited by hand into something wrong is left out; the rest, and the rejections, stay.
    const saved = parsed.data.saved?.flatMap((row) => {
      const checked = suggestionSchema.safeParse(row);
      return checked.success ? [checked.data] : [];
    });
    return { textHash: parsed.data.textHash, rejected: parsed.data.rejected, saved: saved ?? null };
  } catch {
    return empty;
  }
}

async function writeFile(store: WorkspaceStore, doc: StoredDocument, file: SuggestionsFile): Promise<void> {
  await fs.mkdir(path.join(store.dir, SUGGESTIONS_DIR), { recursive: true });
  await writeFileDurably(fileOf(store, doc.id), `${JSON.stringify(file, null, 2)}\n`);
}

export interface SuggestDeps {
  suggester(text: string, speakers: readonly KnownSpeaker[], signal?: AbortSignal): Promise<Suggestions>;
  /** Ends the run when the window calls it off. */
  signal?: AbortSignal;
  /** The highlights the asking person may see (blind annotation); null: all of them. */
  visible?: ((highlight: Annotation) => boolean) | null;
}

export async function suggestionsFor(store: WorkspaceStore, doc: StoredDocument, fresh: boolean, deps: SuggestDeps): Promise<SuggestionsResult> {
  const speakers = store.data.speakers.map((s) => ({ id: s.id, name: s.name, aliases: s.aliases }));
  const found = fresh ? toRows(await deps.suggester(await store.readText(doc), speakers, deps.signal), store.data.labels, speakers) : null;
  // Read after the suggester, which takes seconds on a long text: a rejection made meanwhile counts.
  const [file, all] = await Promise.all([readFile(store, doc), store.annotations(doc)]);
  const annotations = deps.visible ? all.filter(deps.visible) : all;
  const rows = found ? found.rows : (file.saved ?? []).filter((row) => store.data.labels.some((l) => l.id === row.labelId));
  const missingLabels = found?.missingLabels ?? [];
  const rejected = new Set(file.rejected);
  return { suggestions: notCovered(rows.filter((row) => !rejected.has(row.key)), annotations), missingLabels, saved: !fresh && file.saved !== null };
}

/** One write at a time per file: two rejections in quick succession must not overwrite each other. */
const writing = new Map<string, Promise<unknown>>();
function oneAtATime<T>(file: string, work: () => Promise<T>): Promise<T> {
  const done = (writing.get(file) ?? Promise.resolve()).then(work, work);
  const settled = done.then(
    () => undefined,
    () => undefined,
  );
  writing.set(file, settled);
  void settled.then(() => writing.get(file) === settled && writing.delete(file));
  return done;
}

export function rejectSuggestions(store: WorkspaceStore, doc: StoredDocument, keys: readonly string[]): Promise<number> {
  return oneAtATime(fileOf(store, doc.id), () => rejectNow(store, doc, keys));
}

async function rejectNow(store: WorkspaceStore, doc: StoredDocument, keys: readonly string[]): Promise<number> {
  const file = await readFile(store, doc);
  const rejected = new Set(file.rejected);
  const before = rejected.size;
  for (const key of keys) rejected.add(key);
  if (rejected.size !== before) await writeFile(store, doc, { ...file, rejected: [...rejected] });
  return rejected.size - before;
}

/** Saves pre-annotations for the document's text, for a person to review in the window. */
export function saveSuggestions(store: WorkspaceStore, doc: StoredDocument, rows: readonly Suggestion[]): Promise<void> {
  return oneAtATime(fileOf(store, doc.id), async () => writeFile(store, doc, { ...(await readFile(store, doc)), saved: [...rows] }));
}
