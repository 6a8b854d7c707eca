// Reads back what exports/span-fields.ts writes of a highlight (id, author, speaker with id and
// other names, quote kind, claim, note, times), from whichever extension point a format has.
// A field of the wrong shape is named, with what it should be: nothing is guessed.
import { MAX_ANNOTATOR_NAME_LENGTH, QUOTE_KINDS, type ClaimFields, type QuoteKind } from '../../contract/api.js';
import { ImportProblem, type PlannedSpan } from './plan.js';

/** Our ids: what the contract's idSchema takes. */
export const isRecordId = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9_-]{1,100}$/.test(value);

export interface FieldsContext {
  file: string;
  line: number | null;
  /** "task 2, result 3", "T4": where in the file, for messages. */
  where: string;
}

export type SpanFields = Omit<PlannedSpan, 'start' | 'end' | 'label'>;

function fail(at: FieldsContext, message: string): never {
  throw new ImportProblem(at.file, at.line, `${at.where}: ${message}`);
}

const text = (at: FieldsContext, name: string, value: unknown): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(at, `${name} must be a string, not ${JSON.stringify(value)}.`);
  return value;
};

/** The speaker, as {id, name, otherNames} (our exports) or a name alone. */
export function readSpeaker(at: FieldsContext, value: unknown): Pick<PlannedSpan, 'speaker' | 'speakerId' | 'speakerOtherNames'> {
  if (value === undefined || value === null || value === '') return {};
  if (typeof value === 'string') return value.trim() ? { speaker: value.trim() } : {};
  if (typeof value !== 'object' || Array.isArray(value)) fail(at, 'the speaker must be a name or {"id", "name", "otherNames"}.');
  const { id, name, otherNames } = value as { id?: unknown; name?: unknown; otherNames?: unknown };
  if (typeof name !== 'string' || !name.trim()) fail(at, 'the speaker has no "name".');
  if (id !== undefined && !isRecordId(id)) fail(at, `the speaker's id ${JSON.stringify(id)} is not an id (letters, digits, _ and -, at most 100).`);
  if (otherNames !== undefined && !(Array.isArray(otherNames) && otherNames.every((n) => typeof n === 'string'))) fail(at, `the speaker's "otherNames" must be a list of names.`);
  return {
    speaker: name.trim(),
    ...(id !== undefined && { speakerId: id }),
    ...(otherNames !== undefined && { speakerOtherNames: (otherNames as string[]).map((n) => n.trim()).filter(Boolean) }),
  };
}

/** Every field a record may hold; absent ones stay absent. */
export function readSpanFields(at: FieldsContext, record: unknown): SpanFields {
  if (record === undefined || record === null) return {};
  if (typeof record !== 'object' || Array.isArray(record)) fail(at, 'its fields must be a JSON object.');
  const r = record as Record<string, unknown>;
  if (r.id !== undefined && !isRecordId(r.id)) fail(at, `the id ${JSON.stringify(r.id)} is not an id (letters, digits, _ and -, at most 100).`);
  const author = text(at, 'author', r.author);
  if (author !== undefined && author.length > MAX_ANNOTATOR_NAME_LENGTH) fail(at, `the author's name is longer than ${MAX_ANNOTATOR_NAME_LENGTH} characters.`);
  if (r.quoteKind !== undefined && !QUOTE_KINDS.includes(r.quoteKind as QuoteKind)) fail(at, `quoteKind is one of ${QUOTE_KINDS.join(', ')}, not ${JSON.stringify(r.quoteKind)}.`);
  if (r.claim !== undefined && (typeof r.claim !== 'object' || r.claim === null || Array.isArray(r.claim))) fail(at, 'claim must be a JSON object of claim fields.');
  const note = text(at, 'note', r.note);
  const createdAt = text(at, 'createdAt', r.createdAt);
  const updatedAt = text(at, 'updatedAt', r.updatedAt);
  return {
    ...(r.id !== undefined && { id: r.id as string }),
    ...(author !== undefined && { author }),
    ...readSpeaker(at, r.speaker),
    ...(r.quoteKind !== undefined && { quoteKind: r.quoteKind as QuoteKind }),
    ...(r.claim !== undefined && { claim: r.claim as Partial<ClaimFields> }),
    ...(note !== undefined && { note }),
    ...(createdAt !== undefined && { createdAt }),
    ...(updatedAt !== undefined && { updatedAt }),
  };
}

/**
 * One id, one highlight: where a file gives the same id to two different highlights (another
 * span, label or author: a copied Label Studio annotation, a hand-edited file), the later ones
 * lose it and get an id of their own on import, rather than being taken for the first and left
 * out. The same highlight written twice keeps its id, and is imported once.
 */
export function settleIds(spans: Iterable<PlannedSpan>): void {
  const seen = new Map<string, string>();
  for (const span of spans) {
    if (span.id === undefined) continue;
    const what = JSON.stringify([span.start, span.end, span.label, span.author ?? null]);
    const first = seen.get(span.id);
    if (first === undefined) seen.set(span.id, what);
    else if (first !== what) delete span.id;
  }
}
