// The speed bench's judgements: targets, same-run ratios and growth faster than linear.
import { expect, it } from 'vitest';
import { atLeast, atMost, growthSteps, ratio } from '../../../scripts/bench/verdicts.mjs';

it('meets an upper target only when every measured figure is within it', () => {
  expect(atMost([10, 16], 16)).toBe('met');
  expect(atMost([10, 17], 16)).toBe('missed');
  expect(atMost([NaN, 12], 16)).toBe('met');
  expect(atMost([NaN], 16)).toBe('not measured');
});

it('meets a lower target (the naive page at least 8× slower) only at or above it', () => {
  expect(atLeast([8], 8)).toBe('met');
  expect(atLeast([7.9], 8)).toBe('missed');
  expect(atLeast([], 8)).toBe('not measured');
});

it('gives no ratio against a missing or zero baseline', () => {
  expect(ratio(300, 150)).toBe(2);
  expect(ratio(300, 0)).toBeNaN();
  expect(ratio(NaN, 150)).toBeNaN();
});

it('flags a cost that grows faster than the size, step by step, and not one that grows with it', () => {
  const steps = growthSteps(
    [
      { size: 20, figures: { open: 1200, save: 2 } },
      { size: 1, figures: { open: 100, save: 2 } },
      { size: 5, figures: { open: 400, save: 3 } },
    ],
    ['open', 'save'],
  );
  expect(steps.map((s) => [s.from, s.to, s.sizeRatio])).toEqual([
    [1, 5, 5],
    [5, 20, 4],
  ]);
  expect(steps[0]!.metrics.open).toMatchObject({ costRatio: 4, superlinear: false });
  expect(steps[1]!.metrics.open!.costRatio).toBe(3);
  // 1 → 5 MB: 5× the size, 7× the open: faster than linear.
  const grown = growthSteps([{ size: 1, figures: { open: 100 } }, { size: 5, figures: { open: 700 } }], ['open']);
  expect(grown[0]!.metrics.open).toMatchObject({ costRatio: 7, superlinear: true });
  expect(grown[0]!.metrics.open!.excess).toBeCloseTo(1.4);
  const missing = growthSteps([{ size: 1, figures: {} }, { size: 5, figures: { open: 700 } }], ['open']);
  expect(missing[0]!.metrics.open!.superlinear).toBeNull();
});
