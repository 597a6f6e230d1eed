/** Small statistics helpers for the benchmarks. */

export const sorted = (values) => [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);

/** Nearest-rank percentile (p in 0–100) of the finite values; NaN when there are none. */
export function percentile(values, p) {
  const s = sorted(values);
  if (!s.length) return NaN;
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

export const median = (values) => {
  const s = sorted(values);
  if (!s.length) return NaN;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Median of the runs with the spread reported as noise. */
export function summarize(values) {
  const s = sorted(values);
  return { value: median(s), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, runs: s.length };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
