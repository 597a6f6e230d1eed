/** The stdout table: each figure beside its budget with a mark, and the run-to-run spread as noise. */

const MARKS = { pass: 'PASS', fail: 'FAIL', info: 'info', 'n/a': 'n/a' };

export function formatValue(value, unit) {
  if (value == null || Number.isNaN(value)) return 'not available';
  let text;
  if (unit === 'B')
    text = `${value.toLocaleString('en-US')} B${value >= 1024 ? ` (${(value / 1024).toFixed(2)} KB)` : ''}`;
  else if (Number.isInteger(value)) text = value.toLocaleString('en-US');
  else if (Math.abs(value) >= 100000) text = value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  else if (Math.abs(value) >= 100) text = value.toFixed(0);
  else if (Math.abs(value) >= 10) text = value.toFixed(1);
  else text = value.toFixed(2);
  return unit && unit !== 'B' ? `${text} ${unit}` : text;
}

function noiseText(f) {
  if (f.noise == null) return '';
  const { min, max, runs } = f.noise;
  if (!runs || runs < 2) return runs === 1 ? '1 run' : '';
  const fmt = (v) => formatValue(v, f.unit === 'B' ? '' : '').trim();
  return `${fmt(min)}–${fmt(max)} (n=${runs})`;
}

export function formatTable(figures) {
  const rows = figures.map((f) => [
    f.measure,
    f.label,
    formatValue(f.value, f.unit),
    f.budgetText || '—',
    f.status === 'fail' && !f.hard
      ? 'over'
      : f.status === 'pass' && f.aimMet === false
        ? 'PASS (above aim)'
        : MARKS[f.status],
    f.status === 'n/a' ? (f.note ?? '') : [noiseText(f), f.extra].filter(Boolean).join('; '),
  ]);
  const head = ['measure', 'figure', 'median', 'budget', 'mark', 'noise (min–max) / reason'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => String(c).padEnd(widths[i]))
      .join(' | ')
      .trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}
