import { describe, expect, it } from 'vitest';
import { seededRandom, splitDocuments } from '../../../../electron/services/exports/splits.js';

const docs = Array.from({ length: 20 }, (_, i) => ({ id: `doc-${String(i).padStart(2, '0')}` }));
const ids = (list: { id: string }[]) => list.map((d) => d.id);

describe('splitDocuments', () => {
  it('splits by the ratios, every document in exactly one part', () => {
    const split = splitDocuments(docs, [80, 10, 10], 42);
    expect([split.train.length, split.dev.length, split.test.length]).toEqual([16, 2, 2]);
    expect([...ids(split.train), ...ids(split.dev), ...ids(split.test)].sort()).toEqual(ids(docs));
  });

  it('gives the same split for the same seed, whatever the order on disk, and another for another seed', () => {
    const a = splitDocuments(docs, [80, 10, 10], 7);
    const b = splitDocuments([...docs].reverse(), [80, 10, 10], 7);
    expect(ids(b.test)).toEqual(ids(a.test));
    expect(ids(b.train)).toEqual(ids(a.train));
    const c = splitDocuments(docs, [80, 10, 10], 8);
    expect(ids(c.train)).not.toEqual(ids(a.train));
  });

  it('refuses ratios that make no split', () => {
    expect(() => splitDocuments(docs, [0, 0, 0], 1)).toThrow(/Ratios are three numbers/);
    expect(() => splitDocuments(docs, [-1, 1, 1], 1)).toThrow(/Ratios are three numbers/);
  });
});

describe('seededRandom', () => {
  it('is the same sequence for the same seed, within [0, 1)', () => {
    const a = seededRandom(123);
    const b = seededRandom(123);
    const values = Array.from({ length: 5 }, () => a());
    expect(values).toEqual(Array.from({ length: 5 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});
