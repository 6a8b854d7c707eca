// A transcript names who speaks: those names become speakers, and on request each turn becomes
// a Quote attributed to its speaker.
import { randomUUID } from 'node:crypto';
import { ApiError, type Annotation } from '../../contract/api.js';
import { findSpeakerByName } from '../../contract/speaker-names.js';
import { sortedIndex, spanContext } from '../../contract/spans.js';
import { findTranscriptTurns, transcriptSpeakers } from './index.js';
import { visibleOnly, type VisibleFilter } from '../blind-lens.js';
import type { StoredDocument, WorkspaceStore } from '../store/workspace-store.js';

/** Each name becomes a speaker in the registry, unless one has it as a name or another name. */
export async function addTranscriptSpeakers(store: WorkspaceStore, text: string): Promise<{ ids: Map<string, string>; added: string[] }> {
  const ids = new Map<string, string>();
  const speakers = store.data.speakers;
  const added: string[] = [];
  for (const name of transcriptSpeakers(findTranscriptTurns(text))) {
    const known = findSpeakerByName(speakers, name);
    if (known) {
      ids.set(name, known.id);
      continue;
    }
    const id = `spk-${randomUUID().slice(0, 12)}`;
    speakers.push({ id, name, aliases: [], role: '', organisation: '', notes: '', createdAt: new Date().toISOString() });
    ids.set(name, id);
    added.push(name);
  }
  if (added.length) await store.saveWorkspace();
  return { ids, added };
}

/**
 * Every turn not already a Quote becomes one, by its speaker. `seen`: the highlights the caller
 * sees (blind annotation); a turn only someone hidden tagged is tagged again, by the caller, so
 * what they did not see neither shows through nor stands in for their own work.
 */
export async function tagTurnsAsQuotes(store: WorkspaceStore, doc: StoredDocument, text: string, by: { name: string; id?: string }, seen: VisibleFilter = null): Promise<{ tagged: number; speakersAdded: string[] }> {
  const turns = findTranscriptTurns(text);
  if (turns.length === 0) throw new ApiError('not-found', `"${doc.title}" has no lines of the form "NAME: words", so there is nothing to tag.`);
  const { ids, added } = await addTranscriptSpeakers(store, text);
  const annotations = await store.annotations(doc);
  const taken = new Set(visibleOnly(annotations, seen).filter((a) => a.labelId === 'quote').map((a) => `${a.start}:${a.end}`));
  const now = new Date().toISOString();
  let tagged = 0;
  for (const turn of turns) {
    if (turn.end <= turn.start || taken.has(`${turn.start}:${turn.end}`)) continue;
    const annotation: Annotation = {
      id: `ann-${randomUUID()}`,
      documentId: doc.id,
      labelId: 'quote',
      start: turn.start,
      end: turn.end,
      text: text.slice(turn.start, turn.end),
      ...spanContext(text, turn.start, turn.end),
      speakerId: ids.get(turn.speaker) ?? null,
      note: '',
      author: by.name,
      ...(by.id && { authorId: by.id }),
      createdAt: now,
      updatedAt: now,
    };
    annotations.splice(sortedIndex(annotations, annotation), 0, annotation);
    tagged++;
  }
  doc.annotationCount = annotations.length;
  await Promise.all([store.saveAnnotations(doc), store.saveWorkspace()]);
  return { tagged, speakersAdded: added };
}
