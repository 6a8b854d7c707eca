// Types for figures.mjs, used by its unit test: the run's measurements in, plain figures out.
export const TARGETS: Record<string, number>;
export const GROWTH_METRICS: string[];
export function collectFigures(run: Record<string, unknown>): {
  targets: { id: string; measured: unknown; status: string }[];
  baselines: { medians: Record<string, number>; appOverBare: number; naiveOverApp: number } | null;
  sizes: { mb: number; open: { median: number }; heapMB: number | null; serverRssMB: number | null }[];
  growth: { from: number; to: number; metrics: Record<string, { superlinear: boolean | null }> }[];
};
