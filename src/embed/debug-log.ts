import { INTERVENTION_STATE_KEY, type InterventionRecord } from './interventions.js';
import { TRACE_KEY, type Trace } from '../tracker/lib/trace.js';

/** The embed's limits, so a skipped intervention is logged with the numbers its rule compared. */
export interface DebugLimits {
  /** Seconds between interventions (`data-cooldown`). */
  cooldown?: number;
  /** Interventions per session (`data-cap`). */
  cap?: number;
}

const log = (...parts: unknown[]) => console.info('[mooni]', ...parts);

/** The session's intervention record as the embed keeps it (none without the embed, or with blocked storage). */
const record = (): InterventionRecord => {
  try {
    return JSON.parse(sessionStorage.getItem(INTERVENTION_STATE_KEY) || '{}');
  } catch {
    return {};
  }
};

/**
 * The debug log (`data-debug`, `debug: true`; dist/mooni-debug.js for script tags, loaded only then): under
 * `[mooni]`, every decision of the derived-signal detectors (fired or suppressed, the rule, its numbers), every
 * mood change, and every intervention decision of the embed (acted, vetoed by the host, or the rule that skipped
 * it, with the session's count, cap and cooldown). Starts once per page; nothing in it reads what the visitor types.
 */
export function startDebugLog(limits: DebugLimits = {}): void {
  const page = globalThis as { [TRACE_KEY]?: Trace; Mooni?: { config?: DebugLimits } };
  if (page[TRACE_KEY]) return;
  page[TRACE_KEY] = (detector, fired, rule, numbers) =>
    log(detector, fired ? 'fired' : 'suppressed', rule, numbers ?? {});
  addEventListener('mooni:session.mood_changed', ({ detail }) =>
    log('mood', detail.previousMood, '→', detail.mood, { confidence: detail.confidence, signals: detail.signals }),
  );
  addEventListener('mooni:action.suggested', (event) => {
    const { action, intervention, skipped, mood, confidence, signals } = event.detail;
    // After every listener has run: a host's veto may come after this one.
    queueMicrotask(() => {
      const { at, count = 0 } = record();
      const config = page.Mooni?.config ?? {};
      const numbers = {
        mood,
        confidence,
        signals,
        count,
        cap: config.cap ?? limits.cap,
        sinceLastMs: at ? Date.now() - at : null,
        cooldownMs: (config.cooldown ?? limits.cooldown ?? 0) * 1000,
      };
      if (!intervention) log('intervention', action, 'skipped:', skipped, numbers);
      else if (event.defaultPrevented) log('intervention', action, '→', intervention, 'vetoed by the host', numbers);
      else log('intervention', action, '→', intervention, 'acted', numbers);
    });
  });
}
