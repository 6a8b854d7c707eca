// A workspace a trainer would move between tools, built through the real service: several
// authors (and highlights made before a name was set), the same span by two authors,
// overlapping and nested spans, emoji (ZWJ sequences, skin tones), astral CJK (𠮷), combining
// accents, a source with a BOM and CRLF line ends, speakers with other names mentioned by a
// short name, speakers named in CJK, Cyrillic and Arabic, quote kinds, and claims with verdicts.
import { expect } from 'vitest';
import type { Change, ClaimFields, DocumentSummary, QuoteKind } from '../../electron/contract/api.js';
import type { AnnotatorService } from '../../electron/services/annotator-service.js';

/** Raw files as a newsroom gets them (the BOM and CRLF are in the bytes, not in the document's text). */
export const INTERCHANGE_FILES: { name: string; text: string }[] = [
  {
    name: 'council-crlf-bom.txt',
    text:
      '\uFEFFSecurity Council, New York.\r\n' +
      'Joonkook Hwang said: “The sanctions regime is eroding.” Hwang added that «\u00A0C’est très sérieux\u00A0».\r\n' +
      'Vassily Nebenzia replied that the claims were “baseless and politically motivated”.\r\n' +
      'Exports rose 40 percent last year, according to the panel.\r\n',
  },
  {
    name: 'emoji-accents.txt',
    text:
      'Live 🔴👩🏽‍💻 update 👍🏿: Ana Lima said “We will win” at the Cafe\u0301 Ma\u0303e.\n' +
      'Lima, who ran the campaign, said “turnout doubled in São Paulo” and called it “historic”.\n',
  },
  {
    name: 'cjk-scripts.txt',
    text:
      '𠮷野家の前で田中花子は「景気は回復している」と述べた。山田太郎は「まだ早い」と反論した。\n' +
      'Мария Петрова заявила: «Мы не согласны». وقالت فاطمة الزهراء: «هذا غير صحيح».\n',
  },
];

export interface SpeakerSpec {
  id: string;
  name: string;
  aliases?: string[];
}

export const INTERCHANGE_SPEAKERS: SpeakerSpec[] = [
  { id: 'spk-hwang', name: 'Joonkook Hwang', aliases: ['Hwang'] },
  { id: 'spk-nebenzia', name: 'Vassily Nebenzia', aliases: ['Nebenzia'] },
  { id: 'spk-lima', name: 'Ana Lima', aliases: ['Lima'] },
  { id: 'spk-tanaka', name: '田中花子' },
  { id: 'spk-yamada', name: '山田太郎' },
  { id: 'spk-petrova', name: 'Мария Петрова' },
  { id: 'spk-fatima', name: 'فاطمة الزهراء' },
];

interface HighlightSpec {
  file: number;
  label: 'quote' | 'speaker' | 'claim';
  /** The words, found in the document's text (the `nth` time they occur, from 0). */
  words: string;
  nth?: number;
  author: string;
  speakerId?: string;
  quoteKind?: QuoteKind;
  claim?: Partial<ClaimFields>;
  note?: string;
}

export const INTERCHANGE_AUTHORS = ['Ana Reyes', 'Ben Okafor', 'Chen Wei', ''];

const H: HighlightSpec[] = [
  // The CRLF and BOM story: a mention by a short name, the same quote by two authors, a nested claim.
  { file: 0, label: 'speaker', words: 'Joonkook Hwang', author: 'Ana Reyes', speakerId: 'spk-hwang' },
  { file: 0, label: 'speaker', words: 'Hwang', nth: 1, author: 'Ana Reyes', speakerId: 'spk-hwang' },
  { file: 0, label: 'quote', words: 'The sanctions regime is eroding.', author: 'Ana Reyes', speakerId: 'spk-hwang', quoteKind: 'direct', note: 'checked against the UN press release' },
  { file: 0, label: 'quote', words: 'The sanctions regime is eroding.', author: 'Ben Okafor', speakerId: 'spk-hwang', quoteKind: 'direct' },
  { file: 0, label: 'claim', words: 'sanctions regime is eroding', author: 'Ben Okafor', claim: { status: 'mostly-true', checkWorthiness: 'high', tags: ['sanctions'] } },
  { file: 0, label: 'quote', words: '\u00A0C’est très sérieux\u00A0', author: 'Chen Wei', speakerId: 'spk-hwang', quoteKind: 'partial' },
  { file: 0, label: 'speaker', words: 'Vassily Nebenzia', author: 'Ben Okafor', speakerId: 'spk-nebenzia' },
  { file: 0, label: 'quote', words: 'baseless and politically motivated', author: 'Ben Okafor', speakerId: 'spk-nebenzia', quoteKind: 'partial' },
  // Overlapping: a paraphrase running into the quote, and a claim over both lines' end.
  { file: 0, label: 'quote', words: 'the claims were “baseless', author: 'Chen Wei', speakerId: 'spk-nebenzia', quoteKind: 'paraphrase' },
  { file: 0, label: 'claim', words: 'Exports rose 40 percent last year', author: 'Ana Reyes', claim: { status: 'false', checkWorthiness: 'medium', sources: [{ title: 'Panel report', url: 'https://example.org/panel-report', note: 'p. 12' }] } },
  { file: 0, label: 'claim', words: 'Exports rose 40 percent last year', author: 'Chen Wei', claim: { status: 'false', checkWorthiness: 'high' } },
  { file: 0, label: 'claim', words: 'Exports rose 40 percent', author: '' },
  // Across a line end (CRLF in the file): brat writes it as fragments, CoNLL as one chunk.
  { file: 0, label: 'claim', words: 'politically motivated”.\nExports rose', author: 'Chen Wei' },
  // Emoji, combining accents, a short-name mention.
  { file: 1, label: 'speaker', words: 'Ana Lima', author: 'Ana Reyes', speakerId: 'spk-lima' },
  { file: 1, label: 'quote', words: 'We will win', author: 'Ana Reyes', speakerId: 'spk-lima', quoteKind: 'direct' },
  { file: 1, label: 'quote', words: 'We will win', author: 'Chen Wei', speakerId: 'spk-lima', quoteKind: 'direct' },
  { file: 1, label: 'claim', words: '👩🏽‍💻 update 👍🏿', author: 'Ben Okafor', claim: { status: 'unverifiable' } },
  { file: 1, label: 'speaker', words: 'Cafe\u0301 Ma\u0303e', author: 'Ben Okafor' },
  { file: 1, label: 'speaker', words: 'Lima', nth: 1, author: 'Ben Okafor', speakerId: 'spk-lima' },
  { file: 1, label: 'quote', words: 'turnout doubled in São Paulo', author: 'Ben Okafor', speakerId: 'spk-lima', quoteKind: 'direct' },
  { file: 1, label: 'claim', words: 'doubled in São Paulo', author: 'Ben Okafor', claim: { status: 'half-true', tags: ['turnout', 'elections'] } },
  { file: 1, label: 'quote', words: 'historic', author: '', speakerId: 'spk-lima', quoteKind: 'partial' },
  // Astral CJK, unspaced names, and names in Cyrillic and Arabic script.
  { file: 2, label: 'speaker', words: '𠮷野家', author: 'Chen Wei' },
  { file: 2, label: 'speaker', words: '田中花子', author: 'Chen Wei', speakerId: 'spk-tanaka' },
  { file: 2, label: 'quote', words: '景気は回復している', author: 'Chen Wei', speakerId: 'spk-tanaka', quoteKind: 'direct' },
  { file: 2, label: 'speaker', words: '山田太郎', author: 'Chen Wei', speakerId: 'spk-yamada' },
  { file: 2, label: 'quote', words: 'まだ早い', author: 'Chen Wei', speakerId: 'spk-yamada', quoteKind: 'direct' },
  { file: 2, label: 'quote', words: 'まだ早い', author: 'Ana Reyes', speakerId: 'spk-yamada', quoteKind: 'direct' },
  { file: 2, label: 'speaker', words: 'Мария Петрова', author: 'Ana Reyes', speakerId: 'spk-petrova' },
  { file: 2, label: 'quote', words: 'Мы не согласны', author: 'Ana Reyes', speakerId: 'spk-petrova', quoteKind: 'direct' },
  { file: 2, label: 'speaker', words: 'فاطمة الزهراء', author: 'Ana Reyes', speakerId: 'spk-fatima' },
  { file: 2, label: 'quote', words: 'هذا غير صحيح', author: 'Ana Reyes', speakerId: 'spk-fatima', quoteKind: 'direct' },
  { file: 2, label: 'claim', words: '景気は回復している', author: 'Ben Okafor', claim: { status: 'misleading', checkWorthiness: 'low' } },
];

export const INTERCHANGE_HIGHLIGHTS = H.length;

function nthIndex(text: string, words: string, nth: number): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(words, at + 1);
    if (at < 0) throw new Error(`the fixture's words "${words}" (${nth}) are not in its text`);
  }
  return at;
}

/**
 * Fills `service`'s workspace with the fixture; `keep` picks which authors' highlights are made
 * (all by default), so a test can build the workspace an author filter should export.
 * Returns the documents' ids, in the order of INTERCHANGE_FILES.
 */
export async function buildInterchangeWorkspace(service: AnnotatorService, keep: (author: string) => boolean = () => true): Promise<string[]> {
  const documents: DocumentSummary[] = [];
  for (const file of INTERCHANGE_FILES) documents.push(await service.importBytes(file.name, new TextEncoder().encode(file.text)));
  const texts = await Promise.all(documents.map(async (d) => (await service.openDocument(d.id)).text));
  const changes: Change[] = INTERCHANGE_SPEAKERS.map((s) => ({
    kind: 'createSpeaker',
    speakerId: s.id,
    name: s.name,
    ...(s.aliases && { aliases: s.aliases }),
    createdAt: '2026-03-01T09:00:00.000Z',
  }));
  H.forEach((h, i) => {
    if (!keep(h.author)) return;
    const text = texts[h.file]!;
    const start = nthIndex(text, h.words, h.nth ?? 0);
    const at = `2026-03-02T10:${String(i).padStart(2, '0')}:00.000Z`;
    changes.push({
      kind: 'createAnnotation',
      documentId: documents[h.file]!.id,
      annotationId: `hl-${String(i).padStart(2, '0')}`,
      labelId: h.label,
      start,
      end: start + h.words.length,
      speakerId: h.speakerId ?? null,
      author: h.author,
      createdAt: at,
      updatedAt: at,
      ...(h.note && { note: h.note }),
      ...(h.quoteKind && { quoteKind: h.quoteKind }),
      ...(h.claim && { claim: { checkWorthiness: null, status: 'unreviewed', sources: [], tags: [], ...h.claim } }),
    });
  });
  const { refused } = await service.applyChanges(changes);
  expect(refused).toEqual([]);
  await service.store.flush();
  return documents.map((d) => d.id);
}
