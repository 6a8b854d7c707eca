// Re-anchoring highlights after a document's text changed: each outcome with a real edit.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/contract/api.js';
import { compareSpans, spanContext } from '../../../../electron/contract/spans.js';
import { MIN_ANCHOR_SCORE, reanchorAnnotations } from '../../../../electron/services/anchoring/reanchor.js';
import { similarity } from '../../../../electron/services/anchoring/similarity.js';
import { generateCorpus } from '../../../../scripts/bench/generate.mjs';

const ARTICLE = [
  'Port expansion plan faces fresh delay',
  'VALPARAÍSO — The city council postponed a vote on the port expansion on Tuesday, the third delay this year.',
  'Amara Okafor, the opposition leader, said the council had ignored the families living along the bay.',
  '“We will not accept plans to expand the port without a full debate,” Okafor told reporters after the session.',
  'Prices for rent have climbed 24 percent since 2019, according to the city’s own figures.',
  'Li Wei, a deputy trade minister, said the ministry would review the contract with the energy supplier.',
  'The council is expected to meet again in March.',
].join('\n\n');

let serial = 0;
/** A highlight as the store makes it: the slice and its context from `text`. */
function highlight(text: string, quote: string, options: { occurrence?: number; labelId?: string; anchor?: 'fuzzy' } = {}): Annotation {
  let start = -1;
  for (let i = 0; i <= (options.occurrence ?? 0); i++) start = text.indexOf(quote, start + 1);
  if (start === -1) throw new Error(`"${quote}" is not in the text`);
  const end = start + quote.length;
  serial++;
  return {
    id: `ann-${String(serial).padStart(4, '0')}`,
    documentId: 'doc-1',
    labelId: options.labelId ?? 'quote',
    start,
    end,
    text: quote,
    ...spanContext(text, start, end),
    speakerId: null,
    note: 'check with the desk',
    author: 'Ana',
    createdAt: '2024-06-28T09:00:00.000Z',
    updatedAt: '2024-06-28T09:05:00.000Z',
    ...(options.anchor && { anchor: options.anchor }),
  };
}

function deepFreeze<T>(list: T[]): T[] {
  for (const item of list) Object.freeze(item);
  return Object.freeze(list) as T[];
}

/** What every placed highlight must be, whatever its outcome: sliced and contextualised from newText. */
function expectSliced(newText: string, placed: readonly Annotation[]): void {
  for (const a of placed) {
    expect(a.end).toBeGreaterThan(a.start);
    expect(a.text).toBe(newText.slice(a.start, a.end));
    expect({ prefix: a.prefix, suffix: a.suffix }).toEqual(spanContext(newText, a.start, a.end));
  }
}

const QUOTE = 'We will not accept plans to expand the port without a full debate';

describe('reanchorAnnotations', () => {
  it('exports a documented minimum score between 0 and 1', () => {
    expect(MIN_ANCHOR_SCORE).toBeGreaterThan(0);
    expect(MIN_ANCHOR_SCORE).toBeLessThan(1);
  });

  it('leaves every highlight unchanged when the text is identical, as new objects with the same content', () => {
    const inputs = deepFreeze([highlight(ARTICLE, QUOTE), highlight(ARTICLE, 'Amara Okafor', { labelId: 'speaker' }), highlight(ARTICLE, 'Li Wei')]);
    const outcome = reanchorAnnotations(ARTICLE, inputs);
    expect(outcome.report).toEqual({ unchanged: 3, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(outcome.orphans).toEqual([]);
    expect(outcome.annotations).toEqual([...inputs].sort(compareSpans));
    for (const a of outcome.annotations) expect(inputs).not.toContain(a);
  });

  it('moves a highlight quietly when text is inserted before it', () => {
    const inserted = 'UPDATED 14:05 — Adds the mayor’s statement.\n\n';
    const newText = inserted + ARTICLE;
    const input = highlight(ARTICLE, QUOTE);
    const inputs = deepFreeze([input]);
    const outcome = reanchorAnnotations(newText, inputs);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 1, fuzzy: 0, orphaned: 0 });
    const [moved] = outcome.annotations;
    expect(moved!.start).toBe(input.start + inserted.length);
    expect(moved!.end).toBe(input.end + inserted.length);
    expect(newText.slice(moved!.start, moved!.end)).toBe(QUOTE);
    expect(moved!.anchor).toBeUndefined();
    expectSliced(newText, outcome.annotations);
    // Everything else is kept.
    expect({ ...moved, start: 0, end: 0, prefix: '', suffix: '' }).toEqual({ ...input, start: 0, end: 0, prefix: '', suffix: '' });
  });

  it('moves a highlight whose neighbouring sentence was rewritten, without a flag', () => {
    const newText = ARTICLE.replace('the third delay this year', 'the fourth delay since the spring');
    const outcome = reanchorAnnotations(newText, [highlight(ARTICLE, 'Prices for rent have climbed 24 percent since 2019')]);
    expect(outcome.report.moved).toBe(1);
    expect(outcome.annotations[0]!.start).toBe(newText.indexOf('Prices for rent'));
    expect(outcome.annotations[0]!.anchor).toBeUndefined();
  });

  it('flags a quote with a word changed inside it, its text the new slice', () => {
    const newText = ARTICLE.replace('plans to expand the port', 'plans to enlarge the port');
    const outcome = reanchorAnnotations(newText, [highlight(ARTICLE, QUOTE)]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 0, fuzzy: 1, orphaned: 0 });
    const [fuzzy] = outcome.annotations;
    expect(fuzzy!.anchor).toBe('fuzzy');
    const edited = QUOTE.replace('expand', 'enlarge');
    expect(fuzzy!.text).toBe(edited);
    expect(fuzzy!.start).toBe(newText.indexOf(edited));
    expectSliced(newText, outcome.annotations);
  });

  it('orphans a highlight whose quote was deleted, returning it unchanged', () => {
    const sentence = 'Prices for rent have climbed 24 percent since 2019, according to the city’s own figures.\n\n';
    const newText = ARTICLE.replace(sentence, '');
    expect(newText).not.toBe(ARTICLE);
    const input = highlight(ARTICLE, 'Prices for rent have climbed 24 percent since 2019');
    const outcome = reanchorAnnotations(newText, deepFreeze([input]));
    expect(outcome.report).toEqual({ unchanged: 0, moved: 0, fuzzy: 0, orphaned: 1 });
    expect(outcome.annotations).toEqual([]);
    expect(outcome.orphans).toEqual([input]);
  });

  it('orphans a short quote that was edited instead of matching it approximately', () => {
    const newText = ARTICLE.replace('Li Wei, a deputy', 'Li Wen, a deputy');
    const outcome = reanchorAnnotations(newText, [highlight(ARTICLE, 'Li Wei', { labelId: 'speaker' })]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 0, fuzzy: 0, orphaned: 1 });
    expect(outcome.orphans[0]!.text).toBe('Li Wei');
  });

  it('moves to the copy whose context agrees when a quote is repeated nearer to where it was', () => {
    const input = highlight(ARTICLE, QUOTE);
    // A rival repeats the quote word for word a paragraph before the original one.
    const repeat = `A rival councillor mocked the line, “${QUOTE},” in a post.\n\n`;
    const at = ARTICLE.indexOf('Amara Okafor, the opposition leader');
    const newText = ARTICLE.slice(0, at) + repeat + ARTICLE.slice(at);
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 1, fuzzy: 0, orphaned: 0 });
    const [moved] = outcome.annotations;
    const copies = [newText.indexOf(QUOTE), newText.lastIndexOf(QUOTE)];
    expect(copies[0]).not.toBe(copies[1]);
    // The repeat is the nearer; the original paragraph (its context as before) is the right one.
    expect(Math.abs(copies[0]! - input.start)).toBeLessThan(Math.abs(copies[1]! - input.start));
    expect(moved!.start).toBe(copies[1]);
    expect(moved!.prefix).toBe(input.prefix);
    expect(moved!.anchor).toBeUndefined();
  });

  it('flags rather than moves a repeated quote whose context is lost', () => {
    const input = highlight(ARTICLE, QUOTE);
    // The paragraph is rewritten around the quote, which now appears twice.
    const oldParagraph = `“${QUOTE},” Okafor told reporters after the session.`;
    const newParagraph = `Her slogan — ${QUOTE} — was printed on banners. Supporters chanted: ${QUOTE}!`;
    const newText = ARTICLE.replace(oldParagraph, newParagraph);
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 0, fuzzy: 1, orphaned: 0 });
    const [fuzzy] = outcome.annotations;
    expect(fuzzy!.anchor).toBe('fuzzy');
    expect(fuzzy!.text).toBe(QUOTE);
    expect([newText.indexOf(QUOTE), newText.lastIndexOf(QUOTE)]).toContain(fuzzy!.start);
    expectSliced(newText, outcome.annotations);
  });

  it('counts offsets in UTF-16 code units: an emoji inserted before a quote moves it by two per emoji', () => {
    const input = highlight(ARTICLE, 'Li Wei, a deputy trade minister');
    const at = ARTICLE.indexOf('Prices for rent');
    const newText = `${ARTICLE.slice(0, at)}📰👍 ${ARTICLE.slice(at)}`;
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report.moved).toBe(1);
    expect(outcome.annotations[0]!.start).toBe(input.start + 5);
    expect(newText.slice(outcome.annotations[0]!.start, outcome.annotations[0]!.end)).toBe('Li Wei, a deputy trade minister');
    expectSliced(newText, outcome.annotations);
  });

  it('never cuts an emoji in half in a prefix or a flagged slice', () => {
    // The emoji sits where the 32-unit prefix would start, and in the changed quote.
    const quote = 'The council is expected to meet again in March';
    const filler = 'x'.repeat(31);
    const oldText = `Note 😂${filler}${quote}.`;
    const input = highlight(oldText, quote);
    expect(input.prefix).toBe(filler); // the pair is left out, not cut
    const newText = `Note 😂${filler}The council 🙏 is expected to meet again in March.`;
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report.fuzzy).toBe(1);
    const [fuzzy] = outcome.annotations;
    const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
    expect(isLow(newText.charCodeAt(fuzzy!.start))).toBe(false);
    expect(isLow(newText.charCodeAt(fuzzy!.end))).toBe(false);
    expect(fuzzy!.text).toContain('🙏');
    expectSliced(newText, outcome.annotations);
  });

  it('re-anchors overlapping and nested highlights independently, returned in text order', () => {
    const outer = highlight(ARTICLE, 'Amara Okafor, the opposition leader, said the council had ignored the families living along the bay.');
    const name = highlight(ARTICLE, 'Amara Okafor', { labelId: 'speaker' });
    const claim = highlight(ARTICLE, 'said the council had ignored the families', { labelId: 'claim' });
    const crossing = highlight(ARTICLE, 'along the bay.\n\n“We will not accept', { labelId: 'claim' });
    const inputs = deepFreeze([crossing, claim, outer, name]);
    // Text inserted at the top, and one word changed in the outer highlight outside the others.
    const newText = `Breaking: ${ARTICLE}`.replace('the opposition leader', 'the opposition chief');
    const outcome = reanchorAnnotations(newText, inputs);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 3, fuzzy: 1, orphaned: 0 });
    const byId = new Map(outcome.annotations.map((a) => [a.id, a]));
    for (const [exact, shift] of [
      [name, 'Breaking: '.length],
      [claim, 'Breaking: '.length + 'chief'.length - 'leader'.length],
      [crossing, 'Breaking: '.length + 'chief'.length - 'leader'.length],
    ] as const) {
      expect(byId.get(exact.id)!.start).toBe(exact.start + shift);
      expect(byId.get(exact.id)!.text).toBe(exact.text);
      expect(byId.get(exact.id)!.anchor).toBeUndefined();
    }
    expect(byId.get(outer.id)!.anchor).toBe('fuzzy');
    expect(byId.get(outer.id)!.text).toBe(outer.text.replace('leader', 'chief'));
    expect(outcome.annotations.map((a) => a.id)).toEqual([outer.id, name.id, claim.id, crossing.id]);
    expectSliced(newText, outcome.annotations);
  });

  it('places an orphan passed back in once its text is restored, and keeps existing flags only', () => {
    const input = highlight(ARTICLE, 'Prices for rent have climbed 24 percent since 2019');
    const flagged = highlight(ARTICLE, 'The council is expected to meet again in March', { anchor: 'fuzzy' });
    const plain = highlight(ARTICLE, 'Li Wei, a deputy trade minister');
    const cut = ARTICLE.replace('Prices for rent have climbed 24 percent since 2019, ', '');
    const first = reanchorAnnotations(cut, [input, flagged, plain]);
    expect(first.orphans).toEqual([input]);
    expect(first.report).toEqual({ unchanged: 0, moved: 2, fuzzy: 0, orphaned: 1 });
    // The source file is restored, with a line added at the top: everything is found again.
    const restored = `Correction appended.\n\n${ARTICLE}`;
    const second = reanchorAnnotations(restored, [...first.annotations, ...first.orphans]);
    expect(second.report).toEqual({ unchanged: 0, moved: 3, fuzzy: 0, orphaned: 0 });
    const byId = new Map(second.annotations.map((a) => [a.id, a]));
    expect(byId.get(input.id)!.start).toBe(input.start + 'Correction appended.\n\n'.length);
    expect(byId.get(input.id)!.text).toBe(input.text);
    expect(byId.get(input.id)!.anchor).toBeUndefined();
    expect(byId.get(flagged.id)!.anchor).toBe('fuzzy');
    expect(byId.get(plain.id)!.anchor).toBeUndefined();
    expectSliced(restored, second.annotations);
  });

  it('reports progress now and then, ending at the total', () => {
    const paragraph = ARTICLE.replace(/\n\n/g, ' ');
    const blocks = Array.from({ length: 400 }, (_, i) => `[${i}] ${paragraph}`);
    const text = blocks.join('\n\n');
    const inputs: Annotation[] = [];
    let from = 0;
    for (let i = 0; i < 400; i++) {
      for (const quote of ['Amara Okafor, the opposition leader', QUOTE, 'Prices for rent have climbed', 'the energy supplier', 'The council is expected to meet again in March', 'VALPARAÍSO']) {
        const start = text.indexOf(quote, from);
        inputs.push({ ...highlight(text, quote), id: `ann-p-${inputs.length}`, start, end: start + quote.length, ...spanContext(text, start, start + quote.length) });
      }
      from = text.indexOf('\n\n', from + 1);
    }
    expect(inputs).toHaveLength(2400);
    const calls: [number, number][] = [];
    const outcome = reanchorAnnotations(`Update.\n\n${text}`, inputs, { onProgress: (done, total) => calls.push([done, total]) });
    expect(outcome.report.moved).toBe(2400);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.at(-1)).toEqual([2400, 2400]);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![1]).toBe(2400);
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
    }
    expect(calls.some(([done]) => done > 0 && done < 2400)).toBe(true);
  });

  it('orphans a highlight with no text rather than guessing', () => {
    const broken = { ...highlight(ARTICLE, 'Li Wei'), text: '' };
    const outcome = reanchorAnnotations(ARTICLE, [broken]);
    expect(outcome.orphans).toEqual([broken]);
  });
});

describe('reanchorAnnotations, harder cases', () => {
  const PARAGRAPH = 'Amara Okafor, the opposition leader, said the council had ignored the families living along the bay.';
  const INNER = 'said the council had ignored';

  it('flags a quote whose paragraph is repeated word for word when nothing tells the copies apart', () => {
    const input = highlight(ARTICLE, INNER);
    const newText = `Intro added.\n\n${ARTICLE.replace(PARAGRAPH, `${PARAGRAPH}\n\n${PARAGRAPH}`)}`;
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 0, fuzzy: 1, orphaned: 0 });
    const [fuzzy] = outcome.annotations;
    expect(fuzzy!.anchor).toBe('fuzzy');
    expect(fuzzy!.text).toBe(INNER);
    // Both copies have the same context: the one placed is one of them.
    expect(fuzzy!.prefix).toBe(input.prefix);
  });

  it('moves it quietly to the copy where its neighbour’s shift puts it', () => {
    const headline = highlight(ARTICLE, 'Port expansion plan faces fresh delay');
    const input = highlight(ARTICLE, INNER);
    const newText = `Intro added.\n\n${ARTICLE.replace(PARAGRAPH, `${PARAGRAPH}\n\n${PARAGRAPH}`)}`;
    const outcome = reanchorAnnotations(newText, [headline, input]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 2, fuzzy: 0, orphaned: 0 });
    const moved = outcome.annotations.find((a) => a.id === input.id)!;
    expect(moved.start).toBe(input.start + 'Intro added.\n\n'.length);
    expect(moved.start).toBe(newText.indexOf(INNER));
    expect(moved.anchor).toBeUndefined();
  });

  it('keeps a whole emoji when the end of an edited quote becomes one', () => {
    const quote = 'The council is expected to meet again in March!';
    const oldText = `${ARTICLE}\n\n${quote} Nobody knows.`;
    const newText = `${ARTICLE}\n\nThe council is expected to meet again in March😂 Nobody knows.`;
    const outcome = reanchorAnnotations(newText, [highlight(oldText, quote)]);
    expect(outcome.report.fuzzy).toBe(1);
    expect(outcome.annotations[0]!.text).toBe('The council is expected to meet again in March😂');
  });

  it('orphans a deleted quote even with a look-alike sentence nearby', () => {
    const sentence = 'Prices for rent have climbed 24 percent since 2019, according to the city’s own figures.';
    const lookAlike = 'Prices for diesel have jumped 7 percent since 2021 in the northern provinces, traders say.';
    // The sentence is cut; a similar one (different numbers, different words around it) is added
    // a paragraph later. Where the cut sentence stood, a similar one would be flagged, not this.
    const newText = ARTICLE.replace(`${sentence}\n\n`, '').replace('The council is expected', `${lookAlike}\n\nThe council is expected`);
    const input = highlight(ARTICLE, 'Prices for rent have climbed 24 percent since 2019');
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 0, fuzzy: 0, orphaned: 1 });
    expect(outcome.orphans).toEqual([input]);
  });

  describe('far from where it was', () => {
    const QUIET = 'Our harbour is not for sale to anyone, at any price, said the mayor';
    const own = `The mayor spoke at the quay at dawn. ${QUIET}, to applause from the crowd.`;
    const filler = generateCorpus({ seed: 4, targetChars: 60_000, annotationCount: 10 }).text;
    const oldText = `${ARTICLE}\n\n${own}\n\n${filler}`;

    it('moves a quote quietly when its whole paragraph moved far away', () => {
      const input = highlight(oldText, QUIET);
      const newText = `${ARTICLE}\n\n${filler}\n\n${own}`;
      const outcome = reanchorAnnotations(newText, [input]);
      expect(outcome.report).toEqual({ unchanged: 0, moved: 1, fuzzy: 0, orphaned: 0 });
      expect(outcome.annotations[0]!.start).toBe(newText.indexOf(QUIET));
      expect(newText.indexOf(QUIET) - input.start).toBeGreaterThan(50_000);
    });

    it('does not move it quietly to a far copy whose context differs', () => {
      const input = highlight(oldText, QUIET);
      const newText = `${ARTICLE}\n\nThe mayor spoke at the quay at dawn.\n\n${filler}\n\nA year on, a banner read: ${QUIET}, in red letters.`;
      const outcome = reanchorAnnotations(newText, [input]);
      expect(outcome.report.moved).toBe(0);
      expect(outcome.annotations.filter((a) => !a.anchor)).toEqual([]);
    });
  });
});

describe('reanchorAnnotations, quote in place but context changed', () => {
  it('moves a short quote quietly when an insertion replaced its prefix but its neighbours agree on the shift', () => {
    const before = highlight(ARTICLE, 'Prices for rent have climbed 24 percent since 2019');
    const name = highlight(ARTICLE, 'Li Wei', { labelId: 'speaker' });
    const after = highlight(ARTICLE, 'The council is expected to meet again in March');
    const inserted = 'In a statement on Wednesday, the ministry said: ';
    const newText = ARTICLE.replace('Li Wei, a deputy', `${inserted}Li Wei, a deputy`);
    const outcome = reanchorAnnotations(newText, [before, name, after]);
    expect(outcome.report).toEqual({ unchanged: 1, moved: 2, fuzzy: 0, orphaned: 0 });
    const placed = outcome.annotations.find((a) => a.id === name.id)!;
    expect(placed.start).toBe(name.start + inserted.length);
    expect(placed.anchor).toBeUndefined();
    expect(similarity(placed.prefix, name.prefix)).toBeLessThan(0.5); // its prefix alone says nothing
  });

  it('keeps a quote unchanged at its offsets when both sides changed a little', () => {
    const quote = 'said the council had ignored';
    const input = highlight(ARTICLE, quote);
    // Same lengths either side, a few words different: the quote stays at its offsets.
    const newText = ARTICLE.replace('Amara Okafor, the opposition leader, said', 'Amara Okafor, the Greens’ co-leader, said').replace(
      'ignored the families living along',
      'ignored the tenants living beside',
    );
    expect(newText.indexOf(quote)).toBe(input.start);
    const context = spanContext(newText, input.start, input.end);
    for (const [was, is] of [
      [input.prefix, context.prefix],
      [input.suffix, context.suffix],
    ] as const) {
      expect(similarity(was, is)).toBeGreaterThanOrEqual(0.5);
      expect(similarity(was, is)).toBeLessThan(0.8);
    }
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report).toEqual({ unchanged: 1, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(outcome.annotations[0]!.prefix).toBe(context.prefix);
  });

  it('flags, not keeps, a quote at its old offsets once everything around it was rewritten', () => {
    const quote = 'said the council had ignored';
    const input = highlight(ARTICLE, quote);
    const newText = ARTICLE.replace('Amara Okafor, the opposition leader, said', 'Under questioning by Jo Bloggs (MP), said').replace(
      'ignored the families living along the bay.',
      'ignored warnings; nobody resigned over it.',
    );
    expect(newText.indexOf(quote)).toBe(input.start);
    const outcome = reanchorAnnotations(newText, [input]);
    expect(outcome.report).toEqual({ unchanged: 0, moved: 0, fuzzy: 1, orphaned: 0 });
    expect(outcome.annotations[0]).toMatchObject({ start: input.start, end: input.end, text: quote, anchor: 'fuzzy' });
  });
});
