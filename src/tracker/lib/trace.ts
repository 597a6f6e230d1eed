/**
 * Where debug logging (`data-debug`, `debug: true`) listens for detector decisions. A global symbol rather than
 * a module variable, so the lazily loaded debug module of the script-tag build (a separate file) finds the hook
 * the bundle's detectors call; unset, a decision costs one property read.
 */
export const TRACE_KEY = Symbol.for('mooni.trace');

/** One detector decision: which detector, whether it fired, the rule that decided, and the numbers it compared. */
export type Trace = (detector: string, fired: boolean, rule: string, numbers?: Record<string, number>) => void;

export const trace: Trace = (detector, fired, rule, numbers) =>
  (globalThis as { [TRACE_KEY]?: Trace })[TRACE_KEY]?.(detector, fired, rule, numbers);
