import { describe, expect, it } from 'vitest';
import { nextSentenceStart, nextWordEnd, nextWordStart, previousSentenceStart, previousWordEnd, previousWordStart, quotationAround, sentenceAt } from '../../../renderer/src/editor/text-units.js';

const TEXT =
  'Wood spoke first. He said the U.N. sanctions “are being violated every day.” Nobody answered!\n\n' +
  '“This is completely false,” Nebenzia said. It isn\'t over.';

const slice2 = (text: string, range: { from: number; to: number }) => text.slice(range.from, range.to);
const slice = (range: { from: number; to: number } | null) => (range ? TEXT.slice(range.from, range.to) : null);

describe('sentenceAt', () => {
  it('finds the sentence around a position, without the space after it', () => {
    expect(slice(sentenceAt(TEXT, TEXT.indexOf('spoke')))).toBe('Wood spoke first.');
    expect(slice(sentenceAt(TEXT, TEXT.indexOf('sanctions')))).toBe('He said the U.N. sanctions “are being violated every day.”');
    expect(slice(sentenceAt(TEXT, TEXT.indexOf('answered')))).toBe('Nobody answered!');
  });

  it('does not end a sentence at U.N. or Mr.', () => {
    const text = 'Wood spoke at the U.N. Security Council. Mr. Kim listened. Then he left.';
    expect(slice2(text, sentenceAt(text, text.indexOf('Council')))).toBe('Wood spoke at the U.N. Security Council.');
    expect(slice2(text, sentenceAt(text, text.indexOf('Kim')))).toBe('Mr. Kim listened.');
  });

  it('stops at a paragraph break', () => {
    expect(slice(sentenceAt(TEXT, TEXT.indexOf('Nebenzia')))).toBe('“This is completely false,” Nebenzia said.');
  });
});

describe('moving by sentence', () => {
  it('goes to the next and previous sentence starts', () => {
    const second = TEXT.indexOf('He said');
    expect(nextSentenceStart(TEXT, 0)).toBe(second);
    expect(nextSentenceStart(TEXT, second)).toBe(TEXT.indexOf('Nobody'));
    expect(previousSentenceStart(TEXT, TEXT.indexOf('Nobody'))).toBe(second);
    expect(previousSentenceStart(TEXT, second + 3)).toBe(second);
  });
});

describe('quotationAround', () => {
  it('grows to the words inside the quotation marks, then to the marks too', () => {
    const inside = TEXT.indexOf('violated');
    const inner = quotationAround(TEXT, inside, inside + 3);
    expect(slice(inner)).toBe('are being violated every day.');
    expect(slice(quotationAround(TEXT, inner!.from, inner!.to))).toBe('“are being violated every day.”');
  });

  it('finds nothing between two quotations, but finds the quotation around an inner one', () => {
    const two = '“Alpha beta,” said Gamma. Delta epsilon zeta “eta theta.”';
    expect(quotationAround(two, two.indexOf('said'), two.indexOf('said') + 4)).toBeNull();
    const straight = '"Alpha beta," said Gamma. "Eta theta."';
    expect(quotationAround(straight, straight.indexOf('said'), straight.indexOf('said') + 4)).toBeNull();
    expect(slice2(straight, quotationAround(straight, straight.indexOf('Eta'), straight.indexOf('Eta') + 3)!)).toBe('Eta theta.');
    const nested = '“He said ‘no’ and left,” she wrote.';
    expect(slice2(nested, quotationAround(nested, nested.indexOf('and'), nested.indexOf('and') + 3)!)).toBe('He said ‘no’ and left,');
  });

  it('finds nothing outside quotations, and ignores apostrophes inside words', () => {
    expect(quotationAround(TEXT, TEXT.indexOf('Wood'), TEXT.indexOf('Wood') + 4)).toBeNull();
    expect(quotationAround(TEXT, TEXT.indexOf('over'), TEXT.indexOf('over') + 4)).toBeNull();
  });
});

describe('moving a span’s ends by a word', () => {
  const text = 'He said “we will build homes,” and left.';
  const at = (word: string) => text.indexOf(word);
  it('grows and shrinks the end', () => {
    const end = at('will') + 4;
    expect(text.slice(at('we'), nextWordEnd(text, end))).toBe('we will build');
    expect(text.slice(at('we'), nextWordEnd(text, at('build') + 5))).toBe('we will build homes,”');
    expect(text.slice(at('we'), previousWordEnd(text, end))).toBe('we');
  });

  it('grows and shrinks the start', () => {
    expect(text.slice(previousWordStart(text, at('we')), at('homes'))).toBe('said “we will build ');
    expect(text.slice(nextWordStart(text, at('we')), at('homes'))).toBe('will build ');
  });
});
