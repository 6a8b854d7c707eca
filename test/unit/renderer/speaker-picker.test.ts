import { describe, expect, it } from 'vitest';
import { matchSpeakers } from '../../../renderer/src/components/SpeakerPicker.js';

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
