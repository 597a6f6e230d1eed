/**
 * Mood engine in Node: runs bench/mood-engine.bench.ts (owned with the mock) in its own process and reads
 * the JSON on its last stdout line: events per second, and the state size of one session after 10, 1,000
 * and 100,000 events, which must not grow with the event count (O(1) per event).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { summarize } from '../lib/stats.mjs';

const SCRIPT = 'bench/mood-engine.bench.ts';

/** The value of the first key (depth-first) that `test` accepts. */
function findKey(value, test) {
  if (!value || typeof value !== 'object') return undefined;
  for (const [key, v] of Object.entries(value)) if (test(key, v)) return v;
  for (const v of Object.values(value)) {
    const found = findKey(v, test);
    if (found !== undefined) return found;
  }
  return undefined;
}

const isRate = (key, v) =>
  typeof v === 'number' && /^(events?_?per_?s(ec(ond)?)?|eventsPerSec(ond)?|events?\/s|eps)$/i.test(key);
const isReadRate = (key, v) => typeof v === 'number' && /^reads?_?per_?s(ec(ond)?)?$|^readsPerSec(ond)?$/i.test(key);
/** `{ "10": n, "1000": n, "100000": n }` under a key whose name says what it counts. */
const bySize = (word) => (key, v) =>
  new RegExp(word, 'i').test(key) &&
  v &&
  typeof v === 'object' &&
  ['10', '1000', '100000'].every((k) => typeof v[k] === 'number');

export default {
  name: 'mood-engine',
  title: 'mood engine in Node: events/s, state size per session',
  browser: false,
  figures: [
    { label: 'events/s (applyEvent)', unit: '/s', budget: 'mood.rate' },
    { label: 'state growth 1,000 → 100,000 events', unit: '×', budget: 'mood.growth' },
  ],
  async run({ root, runs }) {
    if (!existsSync(join(root, SCRIPT))) throw new Error(`${SCRIPT} does not exist yet`);
    const rates = [];
    let sizes;
    let numbers;
    let raw;
    const reads = [];
    // The script takes the best of 5 rounds itself; two runs of it show the machine's noise.
    for (let i = 0; i < Math.min(runs, 2); i++) {
      const out = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000,
      });
      if (out.status !== 0)
        throw new Error(`${SCRIPT} exited ${out.status}: ${(out.stderr || '').trim().split('\n').pop()}`);
      const last = out.stdout.trim().split('\n').pop();
      raw = JSON.parse(last);
      const rate = findKey(raw, isRate);
      if (rate == null) throw new Error(`no events/s in ${SCRIPT}'s last line: ${last.slice(0, 120)}`);
      rates.push(rate);
      sizes ??= findKey(raw, bySize('bytes')) ?? findKey(raw, bySize('size'));
      numbers ??= findKey(raw, bySize('number'));
      reads.push(findKey(raw, isReadRate));
    }
    const rate = summarize(rates);
    const rows = [
      { label: 'events/s (applyEvent)', unit: '/s', budget: 'mood.rate', value: rate.value, noise: rate, raw },
    ];
    if (reads.every((r) => typeof r === 'number')) {
      const r = summarize(reads);
      rows.push({ label: 'mood reads/s (readMood)', unit: '/s', value: r.value, noise: r });
    }
    if (sizes) {
      for (const n of ['10', '1000', '100000']) {
        rows.push({
          label: `state size after ${Number(n).toLocaleString('en-US')} events (JSON)`,
          unit: 'B',
          value: sizes[n],
          extra: numbers ? `${numbers[n]} numbers held` : '',
        });
      }
      const growth = sizes['100000'] / sizes['1000'];
      rows.push({
        label: 'state growth 1,000 → 100,000 events',
        unit: '×',
        budget: 'mood.growth',
        value: growth,
        extra: numbers ? `numbers held: ${numbers['1000']} → ${numbers['100000']}` : '',
      });
    } else {
      rows.push({
        label: 'state growth 1,000 → 100,000 events',
        unit: '×',
        budget: 'mood.growth',
        value: null,
        note: `no state sizes in ${SCRIPT}'s output`,
      });
    }
    return rows;
  },
};
