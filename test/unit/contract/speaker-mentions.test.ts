// Second references: which speakers a mention such as "Hwang" or "Mr. Wood" may mean.
import { describe, expect, it } from 'vitest';
import { onlySpeakerForMention, speakersForMention } from '../../../electron/contract/speaker-names.js';
import type { Speaker } from '../../../electron/contract/api.js';

const speaker = (id: string, name: string, aliases: string[] = []): Speaker => ({ id, name, aliases, role: '', organisation: '', notes: '', createdAt: '' });
const wood = speaker('wood', 'Robert Wood');
const hwang = speaker('hwang', 'Joonkook Hwang');
const ellen = speaker('ellen', 'Ellen Wood');
const woodward = speaker('woodward', 'Ann Woodward');
const linda = speaker('linda', 'Linda Thomas-Greenfield', ['LTG']);
const ids = (speakers: Speaker[], mention: string) => speakersForMention(speakers, mention).map((m) => m.speaker.id);

describe('speakersForMention', () => {
  it('finds a speaker by a whole word of the name: the surname, the first name', () => {
    expect(ids([wood, hwang, woodward], 'Hwang')).toEqual(['hwang']);
    expect(ids([wood, hwang, woodward], 'Joonkook')).toEqual(['hwang']);
    // A whole word, not a part of one: "Wood" is not Ann Woodward, "Hwa" is nobody.
    expect(ids([wood, hwang, woodward], 'Wood')).toEqual(['wood']);
    expect(ids([wood, hwang, woodward], 'Hwa')).toEqual([]);
  });

  it('leaves out titles, and folds case and composition as speakerNameKey does', () => {
    expect(ids([wood, hwang], 'Mr. Wood')).toEqual(['wood']);
    expect(ids([wood, hwang], 'Ambassador Wood')).toEqual(['wood']);
    expect(ids([wood, hwang], 'the Ambassador')).toEqual([]);
    expect(ids([wood, hwang], 'HWANG')).toEqual(['hwang']);
    expect(ids([wood, hwang], 'Ｈｗａｎｇ')).toEqual(['hwang']);
    expect(ids([speaker('strauss', 'Anna Strauß')], 'Frau STRAUSS')).toEqual(['strauss']);
    // Accents are kept, as for whole names: Jose may be someone other than José.
    expect(ids([speaker('jose', 'José Ruiz')], 'Jose')).toEqual([]);
  });

  it('matches the words of a hyphenated name and of an other name, saying which', () => {
    expect(ids([linda], 'Thomas-Greenfield')).toEqual(['linda']);
    expect(ids([linda], 'Ms. Greenfield')).toEqual(['linda']);
    const [viaAlias] = speakersForMention([speaker('lavrov', 'Sergey Lavrov', ['Sergei Viktorovich Lavrov'])], 'Viktorovich');
    expect(viaAlias).toMatchObject({ via: 'Sergei Viktorovich Lavrov', rank: 3 });
  });

  it('puts the whole name first, then word matches by surname, then the fewest other words', () => {
    const woods = [speaker('wood-harris', 'Wood Harris'), ellen, speaker('rjw', 'Robert James Wood'), wood];
    expect(ids(woods, 'Wood')).toEqual(['ellen', 'wood', 'rjw', 'wood-harris']);
    expect(speakersForMention([wood, speaker('w', 'Wood')], 'wood').map((m) => [m.speaker.id, m.rank])).toEqual([
      ['w', 0],
      ['wood', 2],
    ]);
    expect(ids([wood, hwang], 'Mr. Robert Wood')).toEqual(['wood']);
  });

  it('finds nobody for an empty mention or one made of no name’s words', () => {
    expect(ids([wood], '   ')).toEqual([]);
    expect(ids([wood], 'Robert Smith')).toEqual([]);
  });
});

describe('onlySpeakerForMention', () => {
  it('names the one speaker a mention means, and nobody when two match as well', () => {
    expect(onlySpeakerForMention([wood, hwang], 'Hwang')?.speaker.id).toBe('hwang');
    expect(onlySpeakerForMention([wood, ellen], 'Wood')).toBeUndefined();
    // A whole name is plain even when another name holds the word.
    expect(onlySpeakerForMention([wood, ellen], 'Ellen Wood')?.speaker.id).toBe('ellen');
    expect(onlySpeakerForMention([wood], 'Hwang')).toBeUndefined();
  });
});
