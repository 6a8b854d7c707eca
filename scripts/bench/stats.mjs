// Figures as the speed benchmark prints them, and the statistics behind its table.
export const log = (...parts) => console.error('·', ...parts);
export const ms = (v) => (v === undefined || v === null || Number.isNaN(v) ? 'n/a' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
export const taskMs = (v) => (Number.isFinite(v) ? ms(v) : 'none ≥ 50 ms');
export const median = (list) => {
  const s = list.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
export const percentile = (list, p) => {
  const s = list.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN;
};
export const max = (list) => {
  const s = list.filter(Number.isFinite);
  return s.length ? Math.max(...s) : NaN;
};
