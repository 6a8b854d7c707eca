import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findTranscriptTurns, readDocument, transcriptSpeakers } from '../../../../electron/services/documents/index.js';
import { utf8 } from './helpers.js';

/** Each turn as the slices its offsets select, so a wrong offset shows as wrong text. */
const sliced = (text: string) => findTranscriptTurns(text).map((t) => [text.slice(t.nameStart, t.nameEnd), text.slice(t.start, t.end), t.speaker]);

const INTERVIEW = [
  'Interview with the mayor, 3 March',
  '',
  '[00:00:05] ANNA RUIZ: Thank you for joining us.',
  '[00:00:09] Mayor Jean-Luc Okafor:   We have a plan for the bridge.  ',
  '(00:01:10) Anna Ruiz: When will it open?',
  'Mayor Jean-Luc Okafor: Next spring, if the council agrees.',
  'He paused before answering the next question.',
  'Ludwig van Beethoven: A name with a particle.',
  'Speaker 2: An unnamed voice.',
].join('\n');

describe('findTranscriptTurns', () => {
  it('finds name and spoken text of each turn line, with offsets that slice them exactly', () => {
    expect(sliced(INTERVIEW)).toEqual([
      ['ANNA RUIZ', 'Thank you for joining us.', 'ANNA RUIZ'],
      ['Mayor Jean-Luc Okafor', 'We have a plan for the bridge.', 'Mayor Jean-Luc Okafor'],
      ['Anna Ruiz', 'When will it open?', 'Anna Ruiz'],
      ['Mayor Jean-Luc Okafor', 'Next spring, if the council agrees.', 'Mayor Jean-Luc Okafor'],
      ['Ludwig van Beethoven', 'A name with a particle.', 'Ludwig van Beethoven'],
      ['Speaker 2', 'An unnamed voice.', 'Speaker 2'],
    ]);
  });

  it('counts offsets in UTF-16 code units, so emoji before a turn do not shift it', () => {
    const text = '😀😀 intro\nZOË: “Ça va” 👍\nBEN: fine';
    const turns = findTranscriptTurns(text);
    expect(turns.map((t) => text.slice(t.start, t.end))).toEqual(['“Ça va” 👍', 'fine']);
    expect(turns[0]!.nameStart).toBe('😀😀 intro\n'.length);
  });

  it('does not read prose, lower-case words, long names, times or URLs as turns', () => {
    const text = [
      'the mayor said: no.', // lower-case
      'One Two Three Four Five: too many words.',
      'Abcdefghijklmnopqrstu Abcdefghijklmnopqrstu: over 40 characters.',
      'At 10:30 the council met.',
      'See Https://example.org for more.',
      'Note:no space after the colon.',
      'ANNA:',
    ].join('\n');
    expect(findTranscriptTurns(text)).toEqual([]);
  });

  it('lists the distinct speakers in order of first appearance', () => {
    expect(transcriptSpeakers(findTranscriptTurns(INTERVIEW))).toEqual(['ANNA RUIZ', 'Mayor Jean-Luc Okafor', 'Anna Ruiz', 'Ludwig van Beethoven', 'Speaker 2']);
  });
});

describe('readDocument: plain transcripts', () => {
  it('reads a .txt made mostly of NAME: lines as a transcript, text unchanged', async () => {
    const read = await readDocument('interview.txt', utf8(INTERVIEW));
    expect(read.format).toBe('transcript');
    expect(read.text).toBe(INTERVIEW);
  });

  it('needs at least three turns', async () => {
    expect((await readDocument('short.txt', utf8('ANNA: Hi.\nBEN: Hello.'))).format).toBe('text');
    expect((await readDocument('short.txt', utf8('ANNA: Hi.\nBEN: Hello.\nANNA: Bye.'))).format).toBe('transcript');
  });

  it('needs at least half of the non-blank lines to be turns', async () => {
    const article = ['Headline', 'Source: Reuters', 'Photo: AP', 'Updated: Monday', 'First paragraph.', 'Second paragraph.', 'Third paragraph.', 'Fourth.'].join('\n');
    expect((await readDocument('story.txt', utf8(article))).format).toBe('text');
  });

  it('keeps Markdown as Markdown even when it reads like a transcript', async () => {
    expect((await readDocument('interview.md', utf8(INTERVIEW))).format).toBe('markdown');
  });

  it('keeps the real news article (the shared sample) as text', async () => {
    const read = await readDocument('article.txt', readFileSync(new URL('../../../fixtures/un-security-council.txt', import.meta.url)));
    expect(read.format).toBe('text');
    // Lines like "Photo: ..." may be there; not as many as half the lines.
    expect(read.text.split('\n').filter((line) => line.trim()).length).toBeGreaterThan(2 * findTranscriptTurns(read.text).length);
  });
});

describe('lines that start with a label, not a name', () => {
  it('are neither turns nor speakers: notes, updates, warnings, Q and A', async () => {
    const text = 'Note: the meeting ran late.\nUpdate: figures corrected on Monday.\nWarning: graphic content.\nQ: Why now?\nA: Because.\n';
    expect(findTranscriptTurns(text)).toEqual([]);
    expect((await readDocument('memo.txt', new TextEncoder().encode(text))).format).toBe('text');
  });

  it('still finds the people among them', () => {
    const text = 'Note: recorded on Monday.\nANN LEE: We will finish.\nBOB STONE: Nobody asked.\nANN LEE: They were asked.\n';
    expect(transcriptSpeakers(findTranscriptTurns(text))).toEqual(['ANN LEE', 'BOB STONE']);
  });
});
