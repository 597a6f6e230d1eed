/**
 * The budgets of CONTRACT.md as checks. Every figure a measure reports is a row; a row that names a budget
 * passes or fails against it. `hard` budgets make `npm run bench` exit non-zero; `aim` is the softer target
 * shown beside it.
 */
const KB = 1024;

export const BUDGETS = {
  // The hard limits scripts/size.mjs enforces in npm test.
  'size.mooni.gzip': { op: '<=', limit: 22 * KB, aim: 16 * KB, hard: true, text: '≤ 22 KB (aim 16)' },
  'size.panel.gzip': { op: '<=', limit: 12 * KB, hard: true, text: '≤ 12 KB' },
  'size.tracker.gzip': { op: '<=', limit: 6 * KB, aim: 4 * KB, hard: true, text: '≤ 6 KB (aim 4)' },
  'tracker.cost.mix': { op: '<=', limit: 5, hard: true, text: '≤ 5 µs' },
  'tracker.cost.click': { op: '<=', limit: 10, hard: true, text: '≤ 10 µs per click' },
  'tracker.real.posthog': { op: '<=', limit: 0.1, hard: true, text: '≤ 1/10 of posthog-js' },
  'tracker.cost.type': { op: '<=', limit: 5, hard: false, text: '≤ 5 µs (per type, info)' },
  'host.tbt': { op: '<=', limit: 10, hard: true, text: '≤ 10 ms' },
  'host.cls': { op: '<=', limit: 0, hard: true, text: '0' },
  'host.inp': { op: '<=', limit: 4, hard: true, text: '≤ 4 ms' },
  'tracker.longtasks': { op: '<=', limit: 0, hard: true, text: '0' },
  'tracker.requests': { op: '<=', limit: 1, hard: true, text: '≤ 1 per 5 s' },
  'chat.rate': { op: '>=', limit: 1000, hard: true, text: '≥ 1,000 /s sustained' },
  'chat.p95': { op: '<=', limit: 16, hard: true, text: '≤ 16 ms' },
  'chat.hostile': { op: '<=', limit: 50, hard: false, text: '≤ 50 ms (reported, not yet enforced)' },
  'chat.restore': { op: '<=', limit: 100, hard: true, text: '≤ 100 ms' },
  'mood.rate': { op: '>=', limit: 500_000, hard: true, text: '≥ 500k /s' },
  'mood.growth': { op: '<=', limit: 1.1, hard: true, text: 'no growth (≤ 1.1×)' },
};

/** Fills in `status` ('pass' | 'fail' | 'info' | 'n/a') and `budgetText` of a figure. */
export function judge(figure) {
  const budget = figure.budget ? BUDGETS[figure.budget] : undefined;
  if (figure.budget && !budget) throw new Error(`unknown budget ${figure.budget}`);
  const out = { ...figure, budgetText: budget?.text ?? '', hard: budget?.hard ?? false };
  if (figure.value == null || Number.isNaN(figure.value)) return { ...out, status: 'n/a' };
  if (!budget) return { ...out, status: 'info' };
  const ok = budget.op === '<=' ? figure.value <= budget.limit : figure.value >= budget.limit;
  out.status = ok ? 'pass' : 'fail';
  if (budget.aim != null) out.aimMet = budget.op === '<=' ? figure.value <= budget.aim : figure.value >= budget.aim;
  const miss = budget.op === '<=' ? figure.value - budget.limit : budget.limit - figure.value;
  if (!ok) out.missBy = miss;
  return out;
}
