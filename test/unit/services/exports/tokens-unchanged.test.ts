// The tokenizer reads plain ASCII without its pattern (for speed, issue 16): every token format's
// bytes must stay as they were. Pinned here on texts made of every piece its rules care about
// (CRLF and lone CR, emoji sequences, marks, unspaced scripts past the segmenter's 500-character
// pieces, lone surrogates, control characters), glued at random: the fingerprint is the
// tokenizer's output before the change.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../../electron/services/exports/tokens.js';

const PIECES = [
  'a', 'Zu\u0308rich', "don't", 'don’t', 'l’homme', 'ʼokina', '3.5', '1,000', '3.', '.5', ',7', 'U.N.', 'long-term', 'state-of-the-art', 'a-', '-b', '‐', '—', '–', '-', '--',
  ' ', '  ', '\t', '\n', '\r\n', '\r', '\v', '\f', '\x85', '\u2028', '\u2029', '\u00a0', '\u202f', '\u3000', '\u200b', '\u200c', '\u200d', '\ufeff', '\u200e', '\x00', '\x07', '\x1f', '\x7f',
  '.', '!', '?', '...', '?!', '"', '“', '”', '‘', '’', '«', '»', '(', ')', '[', ']', '{', '}', '「', '」', '（', '）', '。', '！', '？', '．', '؟', '।', '॥', '።',
  '👩‍👩‍👧', '👍🏽', '🇯🇵', '1️⃣', '🔴', '😀', '𠮷', '𐌰𐌱𐌲', '𝐀BC', 'e\u0301', '\u0301', '!\u0301', 'Ünïcödé', 'Straße', 'İstanbul',
  '東京に行った', '田中花子さんは', 'ภาษาไทยง่าย', 'ພາສາລາວ', 'ភាសាខ្មែរ', 'မြန်မာ', 'カタカナ', 'ひらがな', '한국어', 'العربية', 'עברית', 'हिन्दी', '٣٫٥', '١٢٣', 'Ⅻ', '½', '²',
  '#', '$', '%', '&', '*', '+', '/', ':', ';', '<', '=', '>', '@', '\\', '^', '_', '`', '|', '~', "'", 'A', 'Z', 'The', 'Hello', 'x', '0', '9', '42',
  '\ud800', '\udc00', 'a\ud83d', '\u0300\u0301', 'ߊ', 'ᄀ', 'ﬁ', 'Ω', 'ǅ',
];

function trickyTexts(): string[] {
  let seed = 12345;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  const texts: string[] = [];
  for (let t = 0; t < 1500; t++) {
    const n = 1 + Math.floor(rand() * (t % 10 === 0 ? 800 : 60));
    let s = '';
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
    texts.push(s);
  }
  texts.push('東京に行った田中花子さんは'.repeat(200), 'ภาษาไทยง่าย'.repeat(150) + '👍🏽' + 'カタカナ'.repeat(300));
  // A long story with CRLF line ends.
  texts.push(Array.from({ length: 2000 }, (_, i) => `Sentence ${i} said “don’t,” she said. U.N. plan 3.5% 👩‍👩‍👧!\r\n`).join(''));
  texts.push('', ' ', '\n', 'a', '-', '\ufeff');
  return texts;
}

describe('tokenize: the same tokens as before the ASCII fast path', () => {
  it('gives, on a mixed text with CRLF, emoji and joined words, exactly the tokens it gave', () => {
    const text = 'He said,“don’t”—3.5%\r\nthe long-term plan:ok. 1,000 👍🏽a\u0301 U.N.\r\nNext';
    expect(tokenize(text).map((t) => [text.slice(t.start, t.end), t.last])).toEqual([
      ['He', false], ['said', false], [',', false], ['“', false], ['don’t', false], ['”', false], ['—', false], ['3.5', false], ['%', true],
      ['the', false], ['long-term', false], ['plan', false], [':', false], ['ok', false], ['.', true], ['1,000', false], ['👍🏽', false], ['a\u0301', false], ['U', false], ['.', false], ['N', false], ['.', true],
      ['Next', true],
    ]);
  });

  it('gives byte for byte the tokens it gave on 1,500 random tricky texts and three long ones', () => {
    const hash = createHash('sha1');
    for (const text of trickyTexts()) hash.update(JSON.stringify(tokenize(text)));
    expect(hash.digest('hex')).toBe('82b6ddf07c70b66c39e7fec8a508bb2aceece65e');
  });
});
