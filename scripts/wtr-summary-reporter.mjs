// Prints the totals per engine, then `wtr: N passed, N failed, N skipped` as the very last line, the plain totals
// line CI reads. With MOONI_SUMMARY_FILE set it also writes them there as JSON (scripts/test-browsers.mjs runs one
// engine at a time and adds them up).
import { writeFileSync } from 'node:fs';

function count(suite, totals) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped += 1;
    else if (test.passed) totals.passed += 1;
    else totals.failed += 1;
  }
  for (const child of suite?.suites ?? []) count(child, totals);
}

/** Launcher names (Chrome, Firefox, MiniBrowser) to the engine names MOONI_BROWSERS uses. */
export function engineOf(browserName) {
  if (/firefox/i.test(browserName)) return 'firefox';
  if (/chrom/i.test(browserName)) return 'chromium';
  return 'webkit';
}

export const formatTotals = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed, ${skipped} skipped`;

export function sumTotals(perEngine) {
  const sum = { passed: 0, failed: 0, skipped: 0 };
  for (const totals of Object.values(perEngine)) for (const key of Object.keys(sum)) sum[key] += totals[key];
  return sum;
}

export const formatPerEngine = (perEngine) =>
  `wtr: ${Object.entries(perEngine)
    .map(([engine, totals]) => `${engine} ${formatTotals(totals)}`)
    .join('; ')}`;

export function summaryReporter() {
  let perEngine = {};
  let printsOnExit = false;
  return {
    onTestRunFinished({ sessions }) {
      perEngine = {};
      for (const session of sessions) {
        const engine = engineOf(session.browser.name);
        perEngine[engine] ??= { passed: 0, failed: 0, skipped: 0 };
        const totals = perEngine[engine];
        count(session.testResults, totals);
        // A file that fails to load runs no test; count it as a failure so it cannot pass silently.
        if (!session.passed && !session.testResults?.tests?.length && !session.testResults?.suites?.length) {
          totals.failed += 1;
        }
      }
      if (process.env.MOONI_SUMMARY_FILE) writeFileSync(process.env.MOONI_SUMMARY_FILE, JSON.stringify(perEngine));
      if (printsOnExit) return;
      printsOnExit = true;
      process.once('exit', () => {
        console.log(formatPerEngine(perEngine));
        console.log(`wtr: ${formatTotals(sumTotals(perEngine))}`);
      });
    },
  };
}
