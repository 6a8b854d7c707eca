// The speed bench's judgements (issue 16), kept apart from measuring so they can be tested:
// a figure against its target, a ratio against baselines from the same run, and how a cost
// grows from one workload size to the next.

/** 'met' when every finite value is ≤ target; 'not measured' when none is. */
export function atMost(values, target) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 'not measured';
  return finite.every((v) => v <= target) ? 'met' : 'missed';
}

/** 'met' when every finite value is ≥ target. */
export function atLeast(values, target) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return 'not measured';
  return finite.every((v) => v >= target) ? 'met' : 'missed';
}

/** a / b, NaN unless both are finite and b is positive. */
export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : NaN;
}

/** How much faster than the size a cost may grow before it is flagged (noise allowance). */
export const SUPERLINEAR_SLACK = 1.2;

/**
 * Per-step growth: for each pair of consecutive sizes (sorted by size) and each metric, the
 * cost's ratio, the size's ratio, and whether the cost grew faster than linearly
 * (cost ratio / size ratio > SUPERLINEAR_SLACK).
 * `points`: [{ size, figures: { metric: number } }].
 */
export function growthSteps(points, metrics) {
  const sorted = [...points].sort((a, b) => a.size - b.size);
  const steps = [];
  for (let i = 1; i < sorted.length; i++) {
    const from = sorted[i - 1];
    const to = sorted[i];
    const sizeRatio = ratio(to.size, from.size);
    const byMetric = {};
    for (const metric of metrics) {
      const costRatio = ratio(to.figures[metric], from.figures[metric]);
      const excess = ratio(costRatio, sizeRatio);
      byMetric[metric] = { costRatio, excess, superlinear: Number.isFinite(excess) ? excess > SUPERLINEAR_SLACK : null };
    }
    steps.push({ from: from.size, to: to.size, sizeRatio, metrics: byMetric });
  }
  return steps;
}

/** As the table shows a status. */
export const STATUS = { met: '✅ met', missed: '❌ **MISSED**', 'not measured': '⚠️ not measured', info: 'ℹ️ informational' };
