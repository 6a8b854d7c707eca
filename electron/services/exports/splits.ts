// Train/dev/test splits by document: the same seed always gives the same split, so a model's
// results can be reproduced; whole documents go to one part, so no text leaks between parts.

/** A small seeded generator (mulberry32): the same seed, the same sequence, on every machine. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Split<T> {
  train: T[];
  dev: T[];
  test: T[];
}

/** Ratios like [80, 10, 10] (any scale); documents are sorted by id first, so order on disk does not matter. */
export function splitDocuments<T extends { id: string }>(documents: T[], ratios: [number, number, number], seed: number): Split<T> {
  if (ratios.some((r) => !Number.isFinite(r) || r < 0) || ratios.every((r) => r === 0)) {
    throw new Error('Ratios are three numbers that are not negative, for example 80,10,10.');
  }
  const shuffled = [...documents].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = seededRandom(seed);
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const total = ratios[0] + ratios[1] + ratios[2];
  const train = Math.round((shuffled.length * ratios[0]) / total);
  const dev = Math.round((shuffled.length * (ratios[0] + ratios[1])) / total) - train;
  return { train: shuffled.slice(0, train), dev: shuffled.slice(train, train + dev), test: shuffled.slice(train + dev) };
}
