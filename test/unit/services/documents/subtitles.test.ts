import { describe, expect, it } from 'vitest';
import { findTranscriptTurns, readDocument, transcriptSpeakers } from '../../../../electron/services/documents/index.js';
import { refused, utf8 } from './helpers.js';

const SRT = [
  '1',
  '00:00:01,000 --> 00:00:03,500',
  'MAYOR OKAFOR: The bridge will <i>reopen</i>',
  'in the spring.',
  '',
  '2',
  '00:00:03,600 --> 00:00:05,000 X1:40 X2:600 Y1:20 Y2:50',
  'MAYOR OKAFOR: {\\an8}If the council agrees.',
  '',
  '3',
  '00:01:02,250 --> 00:01:04,000',
  '- Anna Ruiz: When?',
  '- MAYOR OKAFOR: <font color="#ffff00">Soon</font> &amp; safely.',
  '',
  '4',
  '01:02:03,999 --> 01:02:05,000',
  '<b>[applause]</b>',
  '',
].join('\r\n');

const VTT = [
  'WEBVTT - Evening bulletin',
  '',
  'NOTE This cue was checked by the desk',
  'and must not appear.',
  '',
  'STYLE',
  '::cue { color: yellow }',
  '',
  'intro-1',
  '00:00.500 --> 00:02.000 align:start position:10%',
  '<v Anna Ruiz>Good evening, <c.highlight>and welcome</c>.',
  '',
  '00:00:02.000 --> 00:00:04.000 line:0',
  '<v.loud Anna Ruiz>Tonight: the <b>budget</b> vote.</v>',
  '',
  '00:00:04.000 --> 00:00:07.000',
  '<v Ben Ode>It passed <00:00:05.000>narrowly.',
  '<v Anna Ruiz>By how much?',
  '',
  '00:00:07.000 --> 00:00:08.000',
  'BEN ODE: Two votes.',
  '',
  '00:00:08.000 --> 00:00:09.000',
  'Music plays &lt;softly&gt;',
  '',
].join('\n');

describe('readDocument: .srt subtitles', () => {
  it('writes one line per turn with the cue time and speaker, without ids, timings, settings or tags', async () => {
    const read = await readDocument('council.srt', utf8(SRT));
    expect(read).toMatchObject({ format: 'srt', title: 'council', encoding: 'utf-8' });
    expect(read.text).toBe(
      [
        // One speaker's consecutive cues are one line, at the first cue's time.
        '[00:00:01] MAYOR OKAFOR: The bridge will reopen in the spring. If the council agrees.',
        '[00:01:02] Anna Ruiz: When?',
        '[00:01:02] MAYOR OKAFOR: Soon & safely.',
        '[01:02:03] [applause]',
      ].join('\n'),
    );
  });

  it('has turns that findTranscriptTurns finds, with offsets on the spoken text', async () => {
    const { text } = await readDocument('council.srt', utf8(SRT));
    const turns = findTranscriptTurns(text);
    expect(turns.map((t) => [t.speaker, text.slice(t.nameStart, t.nameEnd), text.slice(t.start, t.end)])).toEqual([
      ['MAYOR OKAFOR', 'MAYOR OKAFOR', 'The bridge will reopen in the spring. If the council agrees.'],
      ['Anna Ruiz', 'Anna Ruiz', 'When?'],
      ['MAYOR OKAFOR', 'MAYOR OKAFOR', 'Soon & safely.'],
    ]);
    expect(transcriptSpeakers(turns)).toEqual(['MAYOR OKAFOR', 'Anna Ruiz']);
  });

  it('reads a Windows-1252 .srt', async () => {
    const bytes = Uint8Array.from(Buffer.from('1\r\n00:00:01,000 --> 00:00:02,000\r\nJOSÉ: \x93Sí\x94\r\n', 'latin1'));
    const read = await readDocument('es.srt', bytes);
    expect(read.encoding).toBe('windows-1252');
    expect(read.text).toBe('[00:00:01] JOSÉ: “Sí”');
  });

  it('refuses a .srt with no cues', async () => {
    const error = await refused(() => readDocument('notes.srt', utf8('Just some notes\nwith no timings.')), 'empty-file');
    expect(error.message).toContain('"notes.srt" has no subtitles in it');
  });
});

describe('readDocument: .vtt subtitles', () => {
  it('uses voice tags and NAME: for speakers and leaves out NOTE and STYLE blocks, cue ids and tags', async () => {
    const read = await readDocument('bulletin.vtt', utf8(VTT));
    expect(read).toMatchObject({ format: 'vtt', title: 'Evening bulletin' });
    expect(read.text).toBe(
      [
        '[00:00:00] Anna Ruiz: Good evening, and welcome. Tonight: the budget vote.',
        '[00:00:04] Ben Ode: It passed narrowly.',
        '[00:00:04] Anna Ruiz: By how much?',
        '[00:00:07] BEN ODE: Two votes.',
        '[00:00:08] Music plays <softly>',
      ].join('\n'),
    );
    expect(read.text).not.toMatch(/NOTE|desk|cue \{|intro-1|-->|align:/);
  });

  it('slices each turn exactly, including a colon inside the spoken text', async () => {
    const { text } = await readDocument('bulletin.vtt', utf8(VTT));
    const first = findTranscriptTurns(text)[0]!;
    expect(text.slice(first.start, first.end)).toBe('Good evening, and welcome. Tonight: the budget vote.');
    expect(transcriptSpeakers(findTranscriptTurns(text))).toEqual(['Anna Ruiz', 'Ben Ode', 'BEN ODE']);
  });

  it('takes the file name as title when the header has none', async () => {
    const read = await readDocument('clip.vtt', utf8('WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n'));
    expect(read).toMatchObject({ title: 'clip', text: '[00:00:01] Hello.' });
  });
});
