import { describe, expect, it } from 'vitest';
import { firstOffer, matchSpeakers, pickerOptions } from '../../../renderer/src/components/SpeakerPicker.js';

const speaker = (id: string, name: string, aliases: string[] = []) => ({ id, name, aliases, role: '', organisation: '', notes: '', createdAt: '' });
const speakers = [speaker('wood', 'Robert Wood', ['Wood']), speaker('hwang', 'Joonkook Hwang'), speaker('woodward', 'Ann Woodward')];

describe('matchSpeakers', () => {
  it('offers names and aliases that contain what was typed, those starting with it first', () => {
    expect(matchSpeakers(speakers, 'wood').map((m) => [m.speaker.id, m.via])).toEqual([
      ['wood', 'Wood'],
      ['woodward', undefined],
    ]);
    expect(matchSpeakers(speakers, 'hwa').map((m) => m.speaker.id)).toEqual(['hwang']);
  });

  it('offers everyone when nothing is typed, and no one for a name nobody has', () => {
    expect(matchSpeakers(speakers, '  ')).toHaveLength(3);
    expect(matchSpeakers(speakers, 'Nebenzia')).toEqual([]);
  });
});

describe('pickerOptions', () => {
  const describeOptions = (typed: string, suggest?: string) =>
    pickerOptions(speakers, typed, suggest).map((o) => (o.kind === 'speaker' ? o.speaker.id : o.kind === 'create' ? `create:${o.name}` : 'none'));

  it('offers only matching speakers, never an unrelated one first', () => {
    // Nobody is called Song Kim: Enter on the first offer creates him.
    expect(describeOptions('Song Kim')).toEqual(['create:Song Kim', 'none']);
    expect(describeOptions('Wood')).toEqual(['wood', 'woodward', 'none']);
    expect(describeOptions('Rob')).toEqual(['wood', 'create:Rob', 'none']);
  });

  it('uses a Speaker highlight’s own words until something is typed', () => {
    expect(describeOptions('', 'Joonkook Hwang')).toEqual(['hwang', 'none']);
    expect(describeOptions('', 'Vassily Nebenzia')).toEqual(['create:Vassily Nebenzia', 'none']);
    expect(describeOptions('')).toEqual(['wood', 'hwang', 'woodward', 'none']);
  });

  it('knows a name however it is spaced, cased or composed, as the service does (speakerNameKey)', () => {
    // Extra spaces, capitals, a zero-width space pasted from a web page: the same Robert Wood.
    expect(describeOptions('robert  WOOD')).toEqual(['wood', 'none']);
    expect(describeOptions('', 'Robert\u200b Wood')).toEqual(['wood', 'none']);
    // Full-width letters (NFKC) and ß against SS (case folding) are one name.
    expect(describeOptions('Ｊｏｏｎｋｏｏｋ Hwang')).toEqual(['hwang', 'none']);
    expect(pickerOptions([speaker('strauss', 'Anna Strauß')], 'ANNA STRAUSS').map((o) => o.kind)).toEqual(['speaker', 'none']);
    // Accents are kept: Jose Ruiz may be someone other than José Ruiz.
    expect(pickerOptions([speaker('jose', 'José Ruiz')], 'Jose Ruiz').map((o) => o.kind)).toEqual(['create', 'none']);
  });
});

describe('second references (speakersForMention) in the picker', () => {
  const people = [speaker('wood', 'Robert Wood'), speaker('ellen', 'Ellen Wood'), speaker('hwang', 'Joonkook Hwang'), speaker('woodward', 'Ann Woodward')];
  const describeOptions = (typed: string, suggest?: string) =>
    pickerOptions(people, typed, suggest).map((o) => (o.kind === 'speaker' ? o.speaker.id : o.kind === 'create' ? `create:${o.name}` : 'none'));

  it('offers the speakers a mention names first, creating second, look-alikes after', () => {
    expect(describeOptions('', 'Hwang')).toEqual(['hwang', 'create:Hwang', 'none']);
    expect(describeOptions('', 'Mr. Hwang')).toEqual(['hwang', 'create:Mr. Hwang', 'none']);
    expect(describeOptions('Wood')).toEqual(['ellen', 'wood', 'create:Wood', 'woodward', 'none']);
  });

  it('lands Enter on the one speaker meant, and on nothing when two are', () => {
    expect(firstOffer(people, 'Hwang')).toBe(0);
    expect(firstOffer(people, 'Nebenzia')).toBe(0);
    expect(firstOffer(people, 'Wood')).toBe(-1);
    expect(firstOffer(people, 'Robert Wood')).toBe(0);
  });
});
