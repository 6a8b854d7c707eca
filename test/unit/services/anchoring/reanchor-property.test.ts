// Property-style: whatever random edits do to a text, re-anchoring keeps its promises.
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../../../electron/contract/api.js';
import { compareSpans, isInTextOrder, spanContext } from '../../../../electron/contract/spans.js';
import { reanchorAnnotations } from '../../../../electron/services/anchoring/reanchor.js';
import { generateCorpus } from '../../../../scripts/bench/generate.mjs';
import { seededRandom } from '../../../../electron/services/exports/splits.js';

/** Seeded, so a failure can be replayed from its seed. */
function random(seed: number) {
  const next = seededRandom(seed);
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

const INSERTS = ['Updated. ', 'the ', '\n\n', ' 📰 ', 'Officials declined to comment. ', 'x', '“', 'percent ', 'Ünïcödé '];

function annotate(text: string, spans: readonly { start: number; end: number; labelId: string }[]): Annotation[] {
  return spans.map((span, i) => ({
    id: `ann-${String(i).padStart(5, '0')}`,
    documentId: 'doc-prop',
    labelId: span.labelId,
    start: span.start,
    end: span.end,
    text: text.slice(span.start, span.end),
    ...spanContext(text, span.start, span.end),
    speakerId: null,
    note: '',
    author: 'Prop',
    createdAt: '2024-06-28T09:00:00.000Z',
    updatedAt: '2024-06-28T09:00:00.000Z',
    ...(i % 13 === 0 && { anchor: 'fuzzy' as const }),
  }));
}

/** Random insertions, deletions and replacements anywhere, emoji included, never halving a pair. */
function edit(text: string, seed: number): string {
  const r = random(seed);
  const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
  const safe = (at: number) => (at > 0 && at < text.length && isLow(text.charCodeAt(at)) ? at + 1 : at);
  for (let n = r.int(1, 25); n > 0; n--) {
    const at = safe(r.int(0, text.length));
    const kind = r.int(0, 2);
    const insert = kind === 1 ? '' : INSERTS[r.int(0, INSERTS.length - 1)]!;
    const remove = kind === 0 ? 0 : safe(Math.min(text.length, at + r.int(1, kind === 1 ? 300 : 8))) - at;
    text = text.slice(0, at) + insert + text.slice(at + remove);
  }
  return text;
}

describe('reanchorAnnotations under random edits', () => {
  const corpus = generateCorpus({ seed: 11, targetChars: 40_000, annotationCount: 400 });
  const inputs = annotate(corpus.text, corpus.spans);
  const frozen = JSON.stringify(inputs);

  for (let seed = 1; seed <= 25; seed++) {
    it(`keeps every promise after random edits (seed ${seed})`, () => {
      const newText = edit(corpus.text, seed);
      const outcome = reanchorAnnotations(newText, inputs);
      const byId = new Map(inputs.map((a) => [a.id, a]));

      // Nothing lost, nothing twice, every count right.
      expect([...outcome.annotations, ...outcome.orphans].map((a) => a.id).sort()).toEqual(inputs.map((a) => a.id));
      const { unchanged, moved, fuzzy, orphaned } = outcome.report;
      expect(unchanged + moved + fuzzy + orphaned).toBe(inputs.length);
      expect(orphaned).toBe(outcome.orphans.length);
      expect(isInTextOrder(outcome.annotations)).toBe(true);

      let newlyFlagged = 0;
      for (const a of outcome.annotations) {
        const old = byId.get(a.id)!;
        // Every placed highlight is a real slice of the new text with its real context.
        expect(a.text).toBe(newText.slice(a.start, a.end));
        expect({ prefix: a.prefix, suffix: a.suffix }).toEqual(spanContext(newText, a.start, a.end));
        expect(a.end).toBeGreaterThan(a.start);
        // Placed without a flag: exactly its old text (a flag, once set, stays until a person clears it).
        if (a.anchor !== 'fuzzy') expect(a.text).toBe(old.text);
        if (old.anchor === 'fuzzy') expect(a.anchor).toBe('fuzzy');
        if (a.anchor === 'fuzzy' && old.anchor !== 'fuzzy') newlyFlagged++;
        // Only start, end, text, prefix, suffix and the flag may differ.
        const { start: _s, end: _e, text: _t, prefix: _p, suffix: _x, anchor: _a, ...kept } = a;
        const { start: _os, end: _oe, text: _ot, prefix: _op, suffix: _ox, anchor: _oa, ...oldKept } = old;
        expect(kept).toEqual(oldKept);
      }
      expect(newlyFlagged).toBeLessThanOrEqual(fuzzy);
      for (const orphan of outcome.orphans) expect(orphan).toEqual(byId.get(orphan.id));
      // The inputs were not touched.
      expect(JSON.stringify(inputs)).toBe(frozen);
    });
  }

  it('with no edit, leaves all unchanged', () => {
    const outcome = reanchorAnnotations(corpus.text, inputs);
    expect(outcome.report).toEqual({ unchanged: inputs.length, moved: 0, fuzzy: 0, orphaned: 0 });
    expect(outcome.annotations).toEqual([...inputs].sort(compareSpans));
  });
});
