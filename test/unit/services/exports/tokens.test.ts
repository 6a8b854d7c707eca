// The one tokenizer (CoNLL, agreement, Prodigy, Hugging Face), as a reader of each script would
// cut the text: by grapheme clusters and Intl.Segmenter's words, never by UTF-16 units.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../electron/services/exports/tokens.js';

const words = (text: string) => tokenize(text).map((t) => text.slice(t.start, t.end));
const sentences = (text: string) => {
  const out: string[][] = [[]];
  for (const t of tokenize(text)) {
    out[out.length - 1]!.push(text.slice(t.start, t.end));
    if (t.last) out.push([]);
  }
  return out.filter((s) => s.length).map((s) => s.join(' '));
};

describe('tokenize: what the old rules got right stays', () => {
  it('keeps apostrophes and hyphens inside words, cuts U.N. and punctuation, and ends sentences as before', () => {
    const text = 'He said: “don’t go.” The long-term U.N. plan 🔴 works!';
    expect(words(text)).toEqual(['He', 'said', ':', '“', 'don’t', 'go', '.', '”', 'The', 'long-term', 'U', '.', 'N', '.', 'plan', '🔴', 'works', '!']);
    expect(sentences(text)).toEqual(['He said : “ don’t go . ”', 'The long-term U . N . plan 🔴 works !']);
  });

  it('joins a chain of hyphens, keeps numbers whole, and cuts a colon between letters', () => {
    expect(words('a state-of-the-art plan: 3.5% of 1,000, a:b')).toEqual(['a', 'state-of-the-art', 'plan', ':', '3.5', '%', 'of', '1,000', ',', 'a', ':', 'b']);
  });

  it('ends a sentence at every line break, a lone \\r and \\r\\n alike, and offsets stay UTF-16', () => {
    const text = 'one line\r\nanother\rlast';
    expect(sentences(text)).toEqual(['one line', 'another', 'last']);
    const last = tokenize(text).at(-1)!;
    expect([last.start, last.end]).toEqual([text.indexOf('last'), text.length]);
  });
});

describe('tokenize: grapheme clusters are never cut', () => {
  it('keeps a ZWJ family, a skin tone, a flag and a keycap each one token', () => {
    expect(words('👩‍👩‍👧 👍🏽 🇯🇵 1️⃣')).toEqual(['👩‍👩‍👧', '👍🏽', '🇯🇵', '1️⃣']);
    // Unspaced after a word: still whole, and apart from the word.
    expect(words('Bravo👍🏽!')).toEqual(['Bravo', '👍🏽', '!']);
  });

  it('keeps a letter with combining accents inside its word', () => {
    const text = 'Zu\u0308rich and Mo\u0302\u0323t';
    expect(words(text)).toEqual(['Zu\u0308rich', 'and', 'Mo\u0302\u0323t']);
  });

  it('treats astral letters as letters: a Gothic word and a bold-math word are one token each, 𠮷 is never halved', () => {
    expect(words('𐌰𐌹𐍃 𝐀BC.')).toEqual(['𐌰𐌹𐍃', '𝐀BC', '.']);
    const text = '𠮷野家で食べた';
    const tokens = tokenize(text);
    // Every token is whole code points: no lone surrogate at either end.
    for (const t of tokens) expect(text.slice(t.start, t.end)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    expect(words(text)[0]).toMatch(/^𠮷/);
    expect(words(text).join('')).toBe(text);
  });

  it('makes no tokens of white space or invisible format characters', () => {
    expect(words('\ufeffa\u200bb\u00a0c \u202fd')).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('tokenize: scripts written without spaces', () => {
  it('cuts unspaced Japanese into words, so a name in the phrase is its own tokens', () => {
    const text = '田中花子さんは東京に行った。山田太郎は「円安は続く」と述べた。';
    const tokens = words(text);
    // Each name starts a token and ends one: a span over it aligns (CoNLL can tag it).
    for (const name of ['田中花子', '東京', '山田太郎', '円安']) {
      const start = text.indexOf(name);
      const t = tokenize(text);
      expect(t.some((x) => x.start === start)).toBe(true);
      expect(t.some((x) => x.end === start + name.length)).toBe(true);
    }
    expect(tokens.length).toBeGreaterThan(10);
    expect(tokens).toContain('東京');
    expect(tokens).toContain('「');
    // 。 ends a sentence though no space follows.
    expect(sentences(text)).toHaveLength(2);
  });

  it('cuts Thai into words, not one whole-phrase token', () => {
    const text = 'ภาษาไทยง่ายนิดเดียว';
    const tokens = words(text);
    expect(tokens.length).toBeGreaterThan(2);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('ภาษา');
  });

  it('ends Arabic and Hindi sentences at their own marks, and after a full stop before a letter without case', () => {
    expect(sentences('قال. ثم ذهب؟ نعم')).toEqual(['قال .', 'ثم ذهب ؟', 'نعم']);
    expect(sentences('नमस्ते। दुनिया')).toEqual(['नमस्ते ।', 'दुनिया']);
  });
});

describe('tokenize: long texts', () => {
  // Intl.Segmenter is slow on long strings, so a long text is segmented in pieces; the tokens
  // must be the ones each line or sentence gives alone.
  const alone = (parts: string[], sep: string) => {
    const out: string[] = [];
    for (const part of parts) out.push(...words(part));
    return out.join('|');
  };

  it('gives a long spaced text the same tokens as its lines one by one', () => {
    const line = 'The minister said: “We will not raise taxes,” and the U.N. plan 🔴👍🏽 works! Zu\u0308rich long-term 3.5%';
    const lines = Array.from({ length: 60 }, (_, k) => `${line} ${k}`);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(5000);
    expect(words(text).join('|')).toBe(alone(lines, '\n'));
    expect(tokenize(text).filter((t) => t.last)).toHaveLength(lines.length * 2);
  });

  it('gives long unspaced Japanese the same tokens as its sentences one by one', () => {
    const sentences = Array.from({ length: 80 }, (_, k) => `田中花子さんは${k % 2 ? '東京' : '大阪'}に行った。`);
    const text = sentences.join('');
    expect(text.length).toBeGreaterThan(1000);
    expect(words(text).join('|')).toBe(alone(sentences, ''));
  });

  it('keeps a word of 2,000 letters one token, and a long unspaced run whole characters throughout', () => {
    const text = `a ${'x'.repeat(2000)} b`;
    expect(words(text)).toEqual(['a', 'x'.repeat(2000), 'b']);
    // 1,501 units of kanji with no space or stop: segmented in pieces, never cut inside a character.
    const run = `${'𠮷'.repeat(300)}東${'野家'.repeat(300)}`;
    const tokens = words(run);
    expect(tokens.join('')).toBe(run);
    for (const token of tokens) expect(token).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
  });
});
