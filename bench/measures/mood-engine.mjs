/**
 * Mood engine in Node: runs bench/mood-engine.bench.ts (owned with the mock) in its own process and reads
 * the JSON on its last stdout line: events per second, and the state size of one session after 10, 1,000
 * and 100,000 events, which must not grow with the event count (O(1) per event).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const SCRIPT = 'bench/mood-engine.bench.ts';

/** The first number under a key that looks like events per second, searched depth-first. */
function findRate(value) {
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'number' && /(events?_?per_?s(ec(ond)?)?$|events?\/s$|^eps$|eventsPerSecond|per_?second)/i.test(key)) return v;
  }
  for (const v of Object.values(value)) {
    const found = findRate(v);
    if (found != null) return found;
  }
  return undefined;
}

/** State sizes keyed by event count: `{ "10": n, … }`, or `[{ events, bytes|size }]`, anywhere in the JSON. */
function findSizes(value) {
  if (!value || typeof value !== 'object') return undefined;
  if (Array.isArray(value) && value.length && value.every((e) => e && typeof e === 'object' && 'events' in e)) {
    return Object.fromEntries(value.map((e) => [String(e.events), e.bytes ?? e.size ?? e.stateBytes ?? e.state_bytes]));
  }
  if (!Array.isArray(value) && ['10', '1000', '100000'].every((k) => typeof value[k] === 'number')) return value;
  for (const v of Object.values(value)) {
    const found = findSizes(v);
    if (found) return found;
  }
  return undefined;
}

export default {
  name: 'mood-engine',
  title: 'mood engine in Node: events/s, state size per session',
  browser: false,
  figures: [
    { label: 'events/s', unit: '/s', budget: 'mood.rate' },
    { label: 'state growth 1,000 → 100,000 events', unit: '×', budget: 'mood.growth' },
  ],
  async run({ root, runs }) {
    if (!existsSync(join(root, SCRIPT))) throw new Error(`${SCRIPT} does not exist yet`);
    const rates = [];
    let sizes;
    let raw;
    for (let i = 0; i < Math.min(runs, 3); i++) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], { cwd: root, encoding: 'utf8', timeout: 120_000 });
      if (out.status !== 0) throw new Error(`${SCRIPT} exited ${out.status}: ${(out.stderr || '').trim().split('\n').pop()}`);
      const last = out.stdout.trim().split('\n').pop();
      raw = JSON.parse(last);
      const rate = findRate(raw);
      if (rate == null) throw new Error(`no events/s in ${SCRIPT}'s last line: ${last.slice(0, 120)}`);
      rates.push(rate);
      sizes ??= findSizes(raw);
    }
    const { summarize } = await import('../lib/stats.mjs');
    const rate = summarize(rates);
    const rows = [{ label: 'events/s', unit: '/s', budget: 'mood.rate', value: rate.value, noise: rate, raw }];
    if (sizes) {
      for (const n of Object.keys(sizes)) rows.push({ label: `state size after ${Number(n).toLocaleString('en-US')} events`, unit: 'B', value: sizes[n] });
      const growth = sizes['100000'] / sizes['1000'];
      rows.push({ label: 'state growth 1,000 → 100,000 events', unit: '×', budget: 'mood.growth', value: growth });
    } else {
      rows.push({ label: 'state growth 1,000 → 100,000 events', unit: '×', budget: 'mood.growth', value: null, note: `no state sizes in ${SCRIPT}'s output` });
    }
    return rows;
  },
};
