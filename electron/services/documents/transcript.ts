// Transcripts: lines of "NAME: spoken text", optionally after a [hh:mm:ss] timestamp. The same
// reading serves plain .txt transcripts and the text we write for .srt/.vtt subtitles.

export interface TranscriptTurn {
  speaker: string;
  /** UTF-16 offsets of the name in the normalized text. */
  nameStart: number;
  nameEnd: number;
  /** UTF-16 offsets of the spoken text of that line, trimmed. */
  start: number;
  end: number;
}

// A name is 1–4 words, each capitalised or upper-case (a number may follow, as in "Speaker 2";
// name particles such as "de" or "van" may sit inside). Kept strict so prose is not read as turns.
const WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.\-]*`;
const PARTICLE = String.raw`(?:de|da|del|della|der|den|di|du|dos|das|la|le|van|von|bin|ibn|al|el|y)`;
const NAME = String.raw`${WORD}(?: (?:${WORD}|${PARTICLE}|\d{1,3})){0,3}`;
const TIMESTAMP = String.raw`(?:\[\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?\]|\(\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?\))`;
/** Indentation and timestamp, the name, the colon and the spoken text (which may be empty). */
const TURN_LINE = new RegExp(String.raw`^([ \t]*(?:${TIMESTAMP}[ \t]*)?(?:[-–—][ \t]+)?)(${NAME})[ \t]*:(?=[ \t]|$)(.*)$`, 'u');

export const MAX_NAME_LENGTH = 40;

/** Labels that open lines in articles and notes but name nobody ("Update: …", "Q: …"). */
const NOT_SPEAKERS = new Set(
  [
    'note', 'notes', "editor's note", 'editor’s note', 'update', 'updated', 'correction', 'clarification', 'warning', 'caution',
    'source', 'sources', 'photo', 'photos', 'caption', 'credit', 'credits', 'related', 'read more', 'see also', 'tags', 'summary',
    'subject', 'date', 'from', 'to', 'cc', 're', 'title', 'by', 'byline', 'dateline', 'location', 'contact', 'email', 'phone',
    'tel', 'fax', 'web', 'website', 'url', 'link', 'links', 'transcript', 'translation', 'background', 'context', 'fact check',
    'verdict', 'rating', 'claim', 'claims', 'important', 'disclaimer', 'ps', 'p.s', 'nb', 'tip', 'step', 'example', 'answer', 'question',
  ].map((label) => label.toLowerCase()),
);

/** The name and spoken text of one line, with offsets within the line, or null. */
export function matchTurnLine(line: string): { name: string; nameAt: number; textAt: number; textEnd: number } | null {
  const match = TURN_LINE.exec(line);
  if (!match) return null;
  const name = match[2]!;
  // One letter ("Q:", "A:") and labels such as "Update:" are not people.
  if (name.length > MAX_NAME_LENGTH || name.length < 2 || NOT_SPEAKERS.has(name.toLowerCase())) return null;
  const nameAt = match[1]!.length;
  const afterColon = line.length - match[3]!.length;
  const spoken = match[3]!;
  const leading = spoken.length - spoken.trimStart().length;
  return { name, nameAt, textAt: afterColon + leading, textEnd: afterColon + spoken.trimEnd().length };
}

/** Every line that reads as a turn with something said, in order. */
export function findTranscriptTurns(text: string): TranscriptTurn[] {
  const turns: TranscriptTurn[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const turn = matchTurnLine(text.slice(lineStart, lineEnd));
    if (turn && turn.textEnd > turn.textAt) {
      turns.push({
        speaker: turn.name,
        nameStart: lineStart + turn.nameAt,
        nameEnd: lineStart + turn.nameAt + turn.name.length,
        start: lineStart + turn.textAt,
        end: lineStart + turn.textEnd,
      });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return turns;
}

/** The distinct speaker names, in order of first appearance. */
export function transcriptSpeakers(turns: readonly TranscriptTurn[]): string[] {
  return [...new Set(turns.map((turn) => turn.speaker))];
}

/**
 * A plain text is a transcript when at least three lines, and at least half of its non-blank
 * lines, are turns: an article quoting "Source: Reuters" once stays an article.
 */
export function looksLikeTranscript(text: string): boolean {
  let nonBlank = 0;
  let turns = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    nonBlank++;
    const turn = matchTurnLine(line);
    if (turn && turn.textEnd > turn.textAt) turns++;
  }
  return turns >= 3 && turns * 2 >= nonBlank;
}
