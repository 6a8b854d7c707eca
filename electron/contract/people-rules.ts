// Who is working, as plain rules (the wire shape and its words are schemas/people.ts): the window
// checks the person it kept itself with these, without zod, by the same limits as personSchema.
import { ID_PATTERN, MAX_ANNOTATOR_NAME_LENGTH, MAX_ID_LENGTH } from './limits.js';

/** A window's person: the id is made once, on first use, and stays through renames. */
export type Person = { id: string; name: string };

export const isId = (value: unknown): value is string => typeof value === 'string' && value.length <= MAX_ID_LENGTH && ID_PATTERN.test(value);

/** `raw` as personSchema would take it (nothing more than an id and a name, the name trimmed), else null. */
export function personOf(raw: unknown): Person | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { id, name, ...more } = raw as Record<string, unknown>;
  if (Object.keys(more).length > 0 || !isId(id) || typeof name !== 'string') return null;
  const trimmed = name.trim();
  return trimmed.length >= 1 && trimmed.length <= MAX_ANNOTATOR_NAME_LENGTH ? { id, name: trimmed } : null;
}

/**
 * Whether a highlight is this person's: by the person's id where the highlight has one, else by
 * name (highlights made before people had ids). One rule for blind annotation, "only mine" and curation.
 */
export function madeBy(highlight: { author: string; authorId?: string }, person: Person | null): boolean {
  if (!person) return false;
  if (highlight.authorId) return highlight.authorId === person.id;
  return highlight.author.trim() !== '' && highlight.author.trim() === person.name.trim();
}
