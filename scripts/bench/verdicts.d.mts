// Types for verdicts.mjs, used by its unit test.
export type Status = 'met' | 'missed' | 'not measured';
export function atMost(values: number[], target: number): Status;
export function atLeast(values: number[], target: number): Status;
export function ratio(a: number, b: number): number;
export const SUPERLINEAR_SLACK: number;
export interface GrowthStep {
  from: number;
  to: number;
  sizeRatio: number;
  metrics: Record<string, { costRatio: number; excess: number; superlinear: boolean | null }>;
}
export function growthSteps(points: { size: number; figures: Record<string, number> }[], metrics: string[]): GrowthStep[];
export const STATUS: Record<string, string>;
