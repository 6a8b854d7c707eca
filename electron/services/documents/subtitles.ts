// SubRip (.srt) and WebVTT (.vtt) subtitles into a readable transcript: one line per cue or
// turn, "[hh:mm:ss] Speaker: spoken text" when the speaker is known, "[hh:mm:ss] spoken text"
// when not. Timings, cue ids and settings, NOTE/STYLE/REGION blocks and markup are left out.
import { ApiError } from '../../contract/api.js';
import { matchTurnLine } from './transcript.js';

interface Line {
  seconds: number;
  speaker: string | null;
  text: string;
}

const TIMING = /^\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*((?:\d+:)?\d{1,2}:\d{2}[.,]\d{1,3})/;
const VOICE = /<v(?:\.[^\s>]*)?[ \t]+([^>]*)>/g;

function toSeconds(stamp: string): number {
  const parts = stamp.replace(',', '.').split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

function clock(seconds: number): string {
  const whole = Math.floor(seconds);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(whole / 3600))}:${pad(Math.floor(whole / 60) % 60)}:${pad(whole % 60)}`;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', lrm: '\u200E', rlm: '\u200F' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Cue text without markup: ruby readings, tags (<i>, <c.x>, <00:01.000>), SSA overrides ({\an8}). */
function stripMarkup(text: string): string {
  return decodeEntities(
    text
      .replace(/<rt>[\s\S]*?<\/rt>/gi, '')
      .replace(/<\/?[a-z][^>]*>/gi, '')
      .replace(/<\/?\d[^>]*>/g, '')
      .replace(/\{\\[^}]*\}/g, ''),
  );
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** One cue's text as turns: a voice tag, a "NAME:" or a dialogue dash starts a new one. */
function cueTurns(cueText: string): { speaker: string | null; text: string }[] {
  const turns: { speaker: string | null; text: string }[] = [];
  // Split at voice tags first: each piece knows its voice.
  const pieces: { voice: string | null; text: string }[] = [];
  let last = 0;
  let voice: string | null = null;
  for (const match of cueText.matchAll(VOICE)) {
    pieces.push({ voice, text: cueText.slice(last, match.index) });
    voice = collapse(stripMarkup(match[1]!)) || null;
    last = match.index! + match[0].length;
  }
  pieces.push({ voice, text: cueText.slice(last) });

  for (const piece of pieces) {
    let current: { speaker: string | null; text: string } | null = null;
    for (const raw of piece.text.split('\n')) {
      const line = collapse(stripMarkup(raw));
      if (!line) continue;
      const named = piece.voice ? null : matchTurnLine(line);
      const dash = /^[-–—]\s*/.exec(line);
      if (named && named.textEnd > named.textAt) {
        current = { speaker: named.name, text: line.slice(named.textAt, named.textEnd) };
        turns.push(current);
      } else if (dash || !current) {
        current = { speaker: piece.voice, text: dash ? line.slice(dash[0].length) : line };
        turns.push(current);
      } else {
        current.text += ` ${line}`;
      }
    }
  }
  return turns.filter((turn) => turn.text !== '');
}

export interface Subtitles {
  text: string;
  /** A WebVTT header's title ("WEBVTT - Evening bulletin"), when there is one. */
  title: string | null;
}

/** `text` is normalized (\n newlines, no BOM). */
export function readSubtitles(fileName: string, text: string, kind: 'srt' | 'vtt'): Subtitles {
  const blocks = text.split(/\n[ \t]*(?:\n[ \t]*)+/);
  let title: string | null = null;
  const lines: Line[] = [];
  blocks.forEach((block, index) => {
    const rows = block.split('\n');
    if (index === 0 && /^WEBVTT(?:[ \t]|$)/.test(rows[0]!.trim())) {
      title = rows[0]!.trim().replace(/^WEBVTT[ \t]*[-–—:]?[ \t]*/, '') || null;
      rows.shift();
    }
    // NOTE, STYLE and REGION blocks are the author's, not what was said.
    if (/^(NOTE|STYLE|REGION)(?:[ \t]|$)/.test(rows[0]?.trim() ?? '')) return;
    const timingRow = rows.findIndex((row) => TIMING.test(row));
    if (timingRow === -1) return;
    const seconds = toSeconds(TIMING.exec(rows[timingRow]!)![1]!);
    for (const turn of cueTurns(rows.slice(timingRow + 1).join('\n'))) {
      const previous = lines.at(-1);
      // One speaker's consecutive cues read as one line.
      if (previous && turn.speaker !== null && previous.speaker === turn.speaker) previous.text += ` ${turn.text}`;
      else lines.push({ seconds, speaker: turn.speaker, text: turn.text });
    }
  });
  if (lines.length === 0) {
    throw new ApiError(
      'empty-file',
      `"${fileName}" has no subtitles in it (no ${kind === 'srt' ? '"00:00:01,000 --> 00:00:04,000"' : '"00:00:01.000 --> 00:00:04.000"'} timings with text), so there is nothing to annotate. ` +
        'Check that you chose the right file.',
    );
  }
  return {
    title,
    text: lines.map((line) => `[${clock(line.seconds)}] ${line.speaker ? `${line.speaker}: ` : ''}${line.text}`).join('\n'),
  };
}
