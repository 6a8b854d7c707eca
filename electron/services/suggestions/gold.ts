// The gold file the suggestions are measured against: JSON Lines, one story a line.
//   {"id": "...", "text": "...",
//    "quotes"?: [{"start", "end", "kind": "direct"|"indirect", "speaker"?: {"start","end"}|null, "speakerName"?: string|null}],
//    "sentences"?: [{"start", "end", "checkWorthy": boolean}]}
// Offsets are UTF-16 code units of "text" (what JavaScript's String#slice counts), end exclusive.
// A story without "quotes" was not annotated for quotes and is left out of the quote figures
// ("quotes": [] says it has none, so every suggested quote there is a false positive); the same
// goes for "sentences" and the claim figures.
import { z } from 'zod';

const offset = z.number().int().nonnegative();
const spanSchema = z.strictObject({ start: offset, end: offset });

export const goldQuoteSchema = z.strictObject({
  start: offset,
  end: offset,
  kind: z.enum(['direct', 'indirect']),
  speaker: spanSchema.nullable().optional(),
  speakerName: z.string().nullable().optional(),
});

export const goldSentenceSchema = z.strictObject({ start: offset, end: offset, checkWorthy: z.boolean() });

export const goldDocumentSchema = z.strictObject({
  id: z.string().min(1),
  text: z.string(),
  quotes: z.array(goldQuoteSchema).optional(),
  sentences: z.array(goldSentenceSchema).optional(),
});

export type GoldQuote = z.infer<typeof goldQuoteSchema>;
export type GoldSentence = z.infer<typeof goldSentenceSchema>;
export type GoldDocument = z.infer<typeof goldDocumentSchema>;

const FIELDS: Record<string, string> = {
  story: 'id, text, quotes, sentences',
  quote: 'start, end, kind, speaker, speakerName',
  sentence: 'start, end, checkWorthy',
  speaker: 'start, end',
};

const REQUIRED: Record<string, string> = {
  story: '"id" and "text" (both strings)',
  quote: 'start, end and kind ("direct" or "indirect")',
  sentence: 'start, end and checkWorthy (true or false)',
  speaker: 'start and end',
};

const EXPECTED: Record<string, string> = { object: 'an object', array: 'a list', boolean: 'true or false' };

/** `quotes[2].end`, as a person reads a path. */
function pathName(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

/** Which kind of object a path ends in, to list the fields it may have. */
function objectKind(path: readonly PropertyKey[]): string {
  const last = [...path].reverse().find((key) => typeof key === 'string');
  if (last === 'quotes') return 'quote';
  if (last === 'sentences') return 'sentence';
  if (last === 'speaker') return 'speaker';
  return 'story';
}

function issueMessage(issue: z.core.$ZodIssue, record: unknown): string {
  const where = pathName(issue.path);
  const value = valueAt(record, issue.path);
  if (value === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) {
    const kind = objectKind(issue.path.slice(0, -1));
    return `${where} is missing; a ${kind} needs ${REQUIRED[kind]}`;
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const kind = objectKind(issue.path);
      const place = where === '' ? 'the story' : where;
      return `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')} in ${place}; a ${kind} has only ${FIELDS[kind]}`;
    }
    case 'invalid_type':
      if (issue.expected === 'int') return `${where} ${describe(value)} is not a whole number; offsets count UTF-16 code units of "text"`;
      return `${where} is ${describe(value)} but should be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${where} is ${describe(value)} but should be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
    case 'too_small':
      if (where === 'id') return 'id is empty; give every story a unique id';
      return `${where} ${describe(value)} is negative; offsets start at 0`;
    default:
      return `${where === '' ? 'the story' : where}: ${issue.message}`;
  }
}

/** Offsets must fall inside the text with start before end; null when they do. */
function spanProblem(where: string, span: { start: number; end: number }, text: string): string | null {
  if (span.end > text.length) {
    return `${where}.end ${span.end} is past the end of the text (${text.length} characters); offsets are UTF-16 code units of "text"`;
  }
  if (span.start >= span.end) return `${where} starts at ${span.start} but ends at ${span.end}; a span needs start < end (end exclusive)`;
  return null;
}

function offsetProblem(doc: GoldDocument): string | null {
  const problems: Array<string | null> = [];
  doc.quotes?.forEach((quote, i) => {
    problems.push(spanProblem(`quotes[${i}]`, quote, doc.text));
    if (quote.speaker) problems.push(spanProblem(`quotes[${i}].speaker`, quote.speaker, doc.text));
  });
  doc.sentences?.forEach((sentence, i) => problems.push(spanProblem(`sentences[${i}]`, sentence, doc.text)));
  return problems.find((p) => p !== null) ?? null;
}

/** The stories of a gold file, or an Error naming the first bad line and what to change. */
export function parseGold(jsonl: string): GoldDocument[] {
  const documents: GoldDocument[] = [];
  const lineOfId = new Map<string, number>();
  const lines = jsonl.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, index) => {
    const lineNumber = index + 1;
    const fail = (message: string): never => {
      throw new Error(`line ${lineNumber}: ${message}`);
    };
    if (line.trim() === '') return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch (error) {
      fail(`not valid JSON (${(error as Error).message}); each line must be one whole JSON object`);
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      fail(`expected a JSON object like {"id": "...", "text": "..."}, got ${describe(record)}`);
    }
    const parsed = goldDocumentSchema.safeParse(record);
    if (!parsed.success) fail(issueMessage(parsed.error.issues[0]!, record));
    const doc = parsed.data!;
    const problem = offsetProblem(doc);
    if (problem) fail(problem);
    const earlier = lineOfId.get(doc.id);
    if (earlier !== undefined) fail(`id ${JSON.stringify(doc.id)} is already used on line ${earlier}; ids must be unique so errors can name the story`);
    lineOfId.set(doc.id, lineNumber);
    documents.push(doc);
  });
  if (documents.length === 0) throw new Error('no stories: the gold file is empty or has only blank lines');
  return documents;
}
