// The gold file: what it accepts, and what it says about each kind of mistake, line by line.
import { describe, expect, it } from 'vitest';
import { parseGold } from '../../../../electron/services/suggestions/gold.js';

const TEXT = '“We will reopen the bridge in May,” the mayor said.';
const story = (more: Record<string, unknown> = {}) => JSON.stringify({ id: 'bridge', text: TEXT, ...more });
const quote = { start: 0, end: 35, kind: 'direct', speaker: { start: 36, end: 45 }, speakerName: 'the mayor' };

/** The message parseGold throws for these lines. */
function problem(...lines: string[]): string {
  try {
    parseGold(lines.join('\n'));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('parseGold accepted the file');
}

describe('parseGold', () => {
  it('reads stories, skipping blank lines, a BOM and \\r\\n line ends', () => {
    const jsonl = `\uFEFF${story({ quotes: [quote] })}\r\n\r\n   \n${JSON.stringify({ id: 'debate', text: 'Taxes fell.\nThank you.', sentences: [{ start: 0, end: 11, checkWorthy: true }, { start: 12, end: 22, checkWorthy: false }] })}\n`;
    const docs = parseGold(jsonl);
    expect(docs.map((d) => d.id)).toEqual(['bridge', 'debate']);
    expect(docs[0]!.quotes).toEqual([quote]);
    expect(docs[0]!.sentences).toBeUndefined();
    expect(docs[1]!.sentences![0]).toEqual({ start: 0, end: 11, checkWorthy: true });
    // speaker and speakerName may be null or absent.
    expect(parseGold(story({ quotes: [{ start: 0, end: 35, kind: 'indirect', speaker: null, speakerName: null }, { start: 36, end: 45, kind: 'indirect' }] }))[0]!.quotes).toHaveLength(2);
  });

  it('accepts a span that ends at the very end of the text', () => {
    expect(parseGold(story({ quotes: [{ start: 0, end: TEXT.length, kind: 'indirect' }] }))[0]!.quotes![0]!.end).toBe(TEXT.length);
  });

  it('names the line and the field of an offset past the end of the text', () => {
    expect(problem(story(), '', story({ id: 'two', quotes: [quote, quote, { ...quote, end: 900 }] }))).toBe(
      `line 3: quotes[2].end 900 is past the end of the text (${TEXT.length} characters); offsets are UTF-16 code units of "text"`,
    );
    expect(problem(story({ quotes: [{ ...quote, speaker: { start: 36, end: 99 } }] }))).toBe(
      `line 1: quotes[0].speaker.end 99 is past the end of the text (${TEXT.length} characters); offsets are UTF-16 code units of "text"`,
    );
    expect(problem(story(), story({ id: 'b', sentences: [{ start: 40, end: 60, checkWorthy: true }] }))).toMatch(/^line 2: sentences\[0\]\.end 60 is past the end of the text/);
  });

  it('refuses an empty or backwards span', () => {
    expect(problem(story({ quotes: [{ ...quote, start: 20, end: 20 }] }))).toBe('line 1: quotes[0] starts at 20 but ends at 20; a span needs start < end (end exclusive)');
    expect(problem(story({ sentences: [{ start: 9, end: 3, checkWorthy: false }] }))).toBe('line 1: sentences[0] starts at 9 but ends at 3; a span needs start < end (end exclusive)');
  });

  it('refuses negative and fractional offsets', () => {
    expect(problem(story({ quotes: [{ ...quote, start: -1 }] }))).toBe('line 1: quotes[0].start -1 is negative; offsets start at 0');
    expect(problem(story({ quotes: [{ ...quote, end: 3.5 }] }))).toBe('line 1: quotes[0].end 3.5 is not a whole number; offsets count UTF-16 code units of "text"');
  });

  it('says what is missing and what is needed', () => {
    expect(problem(JSON.stringify({ id: 'no-text' }))).toBe('line 1: text is missing; a story needs "id" and "text" (both strings)');
    expect(problem(story({ quotes: [{ start: 0, end: 5 }] }))).toBe('line 1: quotes[0].kind is missing; a quote needs start, end and kind ("direct" or "indirect")');
    expect(problem(story({ sentences: [{ start: 0, end: 5 }] }))).toBe('line 1: sentences[0].checkWorthy is missing; a sentence needs start, end and checkWorthy (true or false)');
  });

  it('names a wrong type or value', () => {
    expect(problem(story({ quotes: [{ ...quote, kind: 'Direct' }] }))).toBe('line 1: quotes[0].kind is "Direct" but should be "direct" or "indirect"');
    expect(problem(story({ sentences: [{ start: 0, end: 5, checkWorthy: 'yes' }] }))).toBe('line 1: sentences[0].checkWorthy is "yes" but should be true or false');
    expect(problem(story({ quotes: 'none' }))).toBe('line 1: quotes is "none" but should be a list');
    expect(problem(JSON.stringify({ id: 7, text: TEXT }))).toBe('line 1: id is 7 but should be a string');
    expect(problem(story({ id: '' }))).toBe('line 1: id is empty; give every story a unique id');
  });

  it('names an unknown field, so a misspelt one is not silently ignored', () => {
    expect(problem(story({ sentence: [] }))).toBe('line 1: unknown field "sentence" in the story; a story has only id, text, quotes, sentences');
    expect(problem(story({ quotes: [{ ...quote, speakerId: 'p1' }] }))).toBe('line 1: unknown field "speakerId" in quotes[0]; a quote has only start, end, kind, speaker, speakerName');
  });

  it('names a line that is not JSON, or not an object', () => {
    expect(problem(story(), '{"id": "x", "text": ')).toMatch(/^line 2: not valid JSON \(.+\); each line must be one whole JSON object$/);
    expect(problem('[1, 2]')).toBe('line 1: expected a JSON object like {"id": "...", "text": "..."}, got a list');
  });

  it('refuses a repeated id, naming both lines', () => {
    expect(problem(story(), '', story())).toBe('line 3: id "bridge" is already used on line 1; ids must be unique so errors can name the story');
  });

  it('refuses a file with no stories', () => {
    expect(problem('', '  ', '')).toBe('no stories: the gold file is empty or has only blank lines');
  });
});
