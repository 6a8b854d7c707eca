// spaCy's DocBin (.spacy): what `DocBin().from_disk(path)` then `get_docs(nlp.vocab)` reads.
// Written from spaCy's own reader and writer (spacy/tokens/_serialize.py, DocBin.to_bytes and
// from_bytes, at commit f69c32f), never from their code:
// - The file is zlib-compressed MessagePack (to_bytes: zlib.compress(srsly.msgpack_dumps(msg))),
//   a map of "version" "0.1", "attrs" (attribute ids, ORTH first), "tokens" (the bytes of a
//   uint64 array, one row per token and one column per attr, C order, little-endian as numpy
//   writes it on every machine we run on), "spaces" (one byte per token: followed by a space),
//   "lengths" (int32 tokens per doc), "strings" (every string a hash stands for, sorted),
//   "cats" and "flags" (one map per doc), "span_groups" (one SpanGroups.to_bytes per doc) and
//   "user_data" (msgpack bytes per doc; from_bytes reads it when present).
// - attrs are [ORTH, SENT_START] = [65, 80] (spacy/attrs.pxd: the attr_id_t enum). ORTH is the
//   token's string as spaCy's hash (strings.pyx: MurmurHash64A of the UTF-8, seed 1, or the
//   symbol id for the strings in symbols.pyx); SENT_START is 1 for a sentence's first token
//   and -1 (as uint64) for the others (Token.set_struct_attr stores it as an int; doc.sents reads
//   it). Tokens and sentences come from tokens.ts; the white space between tokens is spaCy's:
//   one space after a token is its `whitespace_`, any other run becomes a token of its own
//   (as spaCy's tokenizer makes "\n" tokens), so doc.text is our text exactly and a span's
//   characters are the same in spaCy as here.
// - span_groups: SpanGroups.to_bytes (spacy/tokens/_dict_proxies.py) is msgpack of a map from
//   each group's bytes to the keys it is stored under, or msgpack([]) with no groups;
//   SpanGroup.to_bytes (span_group.pyx) is msgpack {"name", "attrs": {}, "spans": [...]} with
//   each span packed as struct ">QQQllll" (big-endian: id, kb_id, label hashes; start and end
//   token; start_char and end_char in code points). Both have been so since spaCy 3.0 (the
//   SpanGroup packing since spaCy PR 6696, January 2021), so every spaCy 3 reads the file.
// What we put in it: one span group per annotator, named for them (`doc.spans["Ana"]`), so
// overlapping and nested highlights, and two people's identical ones, all stay. A span's label
// is the label's name, its `id_` the highlight's id and its `kb_id_` the speaker's id (a
// quote's speaker, or who a Speaker mention names). doc.ents is left empty: entities cannot
// overlap nor say who made them, so filling them would drop highlights silently.
// doc.user_data["newsroom"] holds the document's id, title and file name, the speakers by id
// (name and other names) and, by highlight id, what a span cannot hold: its author, note, quote
// kind, claim status and check-worthiness, and when it was made and last changed. A highlight whose ends are not token boundaries cannot be a spaCy span: it is
// left out and listed in the warnings (as CoNLL does).
import { deflateSync } from 'node:zlib';
import type { Annotation } from '../../contract/api.js';
import type { StoredDocument } from '../store/workspace-store.js';
import { byAuthor } from './author-layers.js';
import { codePointOffsets } from './code-points.js';
import type { ConllWarning } from './conll.js';
import { labelName, type Dataset } from './dataset.js';
import { encodeMsgpack, type MsgpackValue } from './msgpack.js';
import { murmurHash64A } from './murmur.js';
import { SPACY_SYMBOLS } from './spacy-symbols.js';
import { tokenEndingAt, tokenize, tokenStartingAt } from './tokens.js';

export const SPACY_ATTRS = { ORTH: 65, SENT_START: 80 } as const;
const NOT_SENT_START = 0xffffffffffffffffn; // -1 as uint64

const SYMBOL_IDS = new Map(SPACY_SYMBOLS.map((name, id) => [name, BigInt(id)]));
const utf8 = new TextEncoder();

/** spaCy's id for a string: its symbol id, or the MurmurHash64A of its UTF-8 with seed 1 ("" is 0). */
export function spacyStringId(text: string): bigint {
  return SYMBOL_IDS.get(text) ?? murmurHash64A(utf8.encode(text), 1n);
}

/** A spaCy token: its text, and whether one space follows it. */
export interface SpacyToken {
  start: number;
  end: number;
  space: boolean;
  sentStart: boolean;
}

/** tokens.ts's tokens, with spaCy's white space: one space after a token is its whitespace_, any other run is a token. */
export function spacyTokens(text: string): SpacyToken[] {
  const out: SpacyToken[] = [];
  let at = 0;
  let sentenceEnded = true;
  const gap = (to: number) => {
    let from = at;
    const last = out[out.length - 1];
    if (last && from < to && text[from] === ' ') {
      last.space = true;
      from++;
    }
    if (from >= to) return;
    // Leading white space opens the first sentence; any other belongs to the sentence before it.
    if (out.length === 0) sentenceEnded = false;
    out.push({ start: from, end: to, space: false, sentStart: out.length === 0 });
  };
  for (const token of tokenize(text)) {
    gap(token.start);
    out.push({ start: token.start, end: token.end, space: false, sentStart: sentenceEnded });
    sentenceEnded = token.last;
    at = token.end;
  }
  gap(text.length);
  return out;
}

class Strings {
  readonly all = new Set<string>(['']);
  private readonly ids = new Map<string, bigint>();
  id(text: string): bigint {
    let id = this.ids.get(text);
    if (id === undefined) {
      id = spacyStringId(text);
      this.ids.set(text, id);
      this.all.add(text);
    }
    return id;
  }
}

/** Python's sorted() order for str: by code point (JavaScript's sort compares UTF-16 units). */
function byCodePoint(a: string, b: string): number {
  // Up to the first unit that differs the code points are the same; where neither unit there is
  // a surrogate (nor follows a high one), those units are the code points that differ.
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === n) return a.length - b.length;
  const x = a.charCodeAt(i);
  const y = b.charCodeAt(i);
  const surrogate = (code: number) => code >= 0xd800 && code <= 0xdfff;
  if (!surrogate(x) && !surrogate(y) && !(i > 0 && surrogate(a.charCodeAt(i - 1)))) return x - y;
  return byCodePointSlowly(a, b);
}

function byCodePointSlowly(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

export function toDocBin(dataset: Dataset): { bytes: Uint8Array; warnings: ConllWarning[] } {
  const strings = new Strings();
  const warnings: ConllWarning[] = [];
  const docTokens = dataset.documents.map(({ text }) => spacyTokens(text));
  const total = docTokens.reduce((n, tokens) => n + tokens.length, 0);
  const rows = new BigUint64Array(2 * total);
  const spaces = new Uint8Array(total);
  const lengths: number[] = [];
  let row = 0;
  const spanGroups: Uint8Array[] = [];
  const userData: Uint8Array[] = [];
  dataset.documents.forEach(({ document, text, annotations }, d) => {
    const tokens = docTokens[d]!;
    for (const token of tokens) {
      rows[2 * row] = strings.id(text.slice(token.start, token.end));
      rows[2 * row + 1] = token.sentStart ? 1n : NOT_SENT_START;
      spaces[row++] = token.space ? 1 : 0;
    }
    lengths.push(tokens.length);
    const cp = codePointOffsets(text);
    const groups = new Map<MsgpackValue, MsgpackValue>();
    for (const [author, layer] of byAuthor(annotations)) {
      const spans: Uint8Array[] = [];
      for (const a of layer) {
        const start = tokenStartingAt(tokens, a.start);
        const last = tokenEndingAt(tokens, a.end);
        const end = last === undefined ? undefined : last + 1;
        if (start === undefined || end === undefined || end <= start) {
          warnings.push(warning(dataset, document.id, a, 'does not start and end on token boundaries; a spaCy span covers whole tokens'));
          continue;
        }
        spans.push(packSpan(strings.id(a.id), a.speakerId ? strings.id(a.speakerId) : 0n, strings.id(labelName(dataset, a.labelId)), start, end, cp(a.start), cp(a.end)));
      }
      groups.set(encodeMsgpack({ name: author, attrs: {}, spans }), [author]);
    }
    spanGroups.push(encodeMsgpack(groups.size ? groups : []));
    userData.push(encodeMsgpack({ newsroom: newsroomData(dataset, document, annotations) }));
  });
  const tokenBytes = new Uint8Array(rows.buffer);
  const msg: MsgpackValue = {
    version: '0.1',
    attrs: [SPACY_ATTRS.ORTH, SPACY_ATTRS.SENT_START],
    tokens: littleEndian(tokenBytes, 8),
    spaces,
    lengths: littleEndian(new Uint8Array(Int32Array.from(lengths).buffer), 4),
    strings: [...strings.all].sort(byCodePoint),
    cats: dataset.documents.map(() => ({})),
    flags: dataset.documents.map(() => ({ has_unknown_spaces: false })),
    span_groups: spanGroups,
    user_data: userData,
  };
  return { bytes: new Uint8Array(deflateSync(encodeMsgpack(msg))), warnings };
}

/** struct.pack(">QQQllll", id, kb_id, label, start, end, start_char, end_char). */
function packSpan(id: bigint, kbId: bigint, label: bigint, start: number, end: number, startChar: number, endChar: number): Uint8Array {
  const bytes = new Uint8Array(40);
  const view = new DataView(bytes.buffer);
  view.setBigUint64(0, id);
  view.setBigUint64(8, kbId);
  view.setBigUint64(16, label);
  [start, end, startChar, endChar].forEach((n, i) => view.setInt32(24 + 4 * i, n));
  return bytes;
}

/** numpy writes native order; spaCy's files are little-endian (x86, ARM). Typed arrays are native too. */
function littleEndian(bytes: Uint8Array, width: number): Uint8Array {
  if (new Uint8Array(new Uint16Array([1]).buffer)[0] === 1) return bytes;
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i += width) for (let j = 0; j < width; j++) out[i + j] = bytes[i + width - 1 - j]!;
  return out;
}

/** doc.user_data["newsroom"]: what a span cannot hold, by highlight id, and the speakers by id. */
function newsroomData(dataset: Dataset, document: StoredDocument, annotations: Annotation[]): MsgpackValue {
  const speakers: Record<string, MsgpackValue> = {};
  const highlights: Record<string, MsgpackValue> = {};
  for (const a of annotations) {
    const speaker = a.speakerId ? dataset.speakers.get(a.speakerId) : undefined;
    if (speaker) speakers[speaker.id] = { name: speaker.name, other_names: speaker.aliases };
    const fields: Record<string, MsgpackValue> = { author: a.author, created_at: a.createdAt, updated_at: a.updatedAt };
    if (a.note) fields.note = a.note;
    if (a.quoteKind) fields.quote_kind = a.quoteKind;
    if (a.claim) Object.assign(fields, { claim_status: a.claim.status, check_worthiness: a.claim.checkWorthiness });
    highlights[a.id] = fields;
  }
  return { document_id: document.id, title: document.title, file_name: document.fileName, speakers, highlights };
}

function warning(dataset: Dataset, documentId: string, a: Annotation, reason: string): ConllWarning {
  return { documentId, annotationId: a.id, label: labelName(dataset, a.labelId), text: a.text, reason };
}
