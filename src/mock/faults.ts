import { isRecord } from './http.js';

/** A failure the next matching requests suffer (test/QA control through `/__mock/faults`). */
export interface HttpFault {
  /** Answer with this status instead of handling the request (e.g. 500, 503, 401, 429). */
  status?: number;
  /** Probability 0..1 that a matching request is hit (default 1). */
  rate?: number;
  /** Hit only the next N matching requests, then clear. */
  count?: number;
  /** Wait this long before answering (or failing). */
  latencyMs?: number;
  /** With 429: a `retry-after` header (seconds) and `reset_at` in the body. */
  retryAfterSec?: number;
  /** Fail at the network level: the client's fetch rejects. */
  drop?: boolean;
}

export type CutPoint = 'before_status' | 'after_status' | 'mid_text' | 'after_faq' | 'before_done';
export const CUT_POINTS: CutPoint[] = ['before_status', 'after_status', 'mid_text', 'after_faq', 'before_done'];

export interface ChatFault extends HttpFault {
  /** Close the SSE stream abruptly at that point, without `[DONE]`. */
  cutAt?: CutPoint;
  /** Send `{"type":"error","message":"search_failed"}` then `[DONE]` after the first text chunk. */
  errorEvent?: boolean;
}

export type FaultScope = 'chat' | 'mood' | 'gateway';
export const FAULT_SCOPES: FaultScope[] = ['chat', 'mood', 'gateway'];

export interface Faults {
  chat?: ChatFault;
  mood?: HttpFault;
  gateway?: HttpFault;
}

/** Checks a fault body; returns the error message for a 400, or the clean fault. */
export function parseFault(scope: FaultScope, value: unknown): { fault: ChatFault } | { error: string; field: string } {
  if (!isRecord(value)) return { error: 'Fault must be an object', field: scope };
  const fault: ChatFault = {};
  const number = (name: keyof HttpFault, min: number, max: number, integer = true) => {
    const x = value[name];
    if (x === undefined) return true;
    if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x)))
      return false;
    (fault as Record<string, unknown>)[name] = x;
    return true;
  };
  if (!number('status', 200, 599)) return { error: 'Invalid fault field', field: `${scope}.status` };
  if (!number('rate', 0, 1, false)) return { error: 'Invalid fault field', field: `${scope}.rate` };
  if (!number('count', 1, 1_000_000)) return { error: 'Invalid fault field', field: `${scope}.count` };
  if (!number('latencyMs', 0, 60_000)) return { error: 'Invalid fault field', field: `${scope}.latencyMs` };
  if (!number('retryAfterSec', 0, 86_400)) return { error: 'Invalid fault field', field: `${scope}.retryAfterSec` };
  if (value.drop !== undefined) {
    if (typeof value.drop !== 'boolean') return { error: 'Invalid fault field', field: `${scope}.drop` };
    fault.drop = value.drop;
  }
  if (scope === 'chat') {
    if (value.cutAt !== undefined) {
      if (!CUT_POINTS.includes(value.cutAt as CutPoint)) return { error: 'Invalid fault field', field: 'chat.cutAt' };
      fault.cutAt = value.cutAt as CutPoint;
    }
    if (value.errorEvent !== undefined) {
      if (typeof value.errorEvent !== 'boolean') return { error: 'Invalid fault field', field: 'chat.errorEvent' };
      fault.errorEvent = value.errorEvent;
    }
  }
  return { fault };
}

/** The current faults, per scope; `take` decides whether a request is hit and spends `count`. */
export function createFaultBoard() {
  let faults: Faults = {};
  return {
    get: (): Faults => structuredClone(faults),
    set(scope: FaultScope, fault: ChatFault) {
      faults[scope] = fault;
    },
    clear() {
      faults = {};
    },
    /** The fault that hits this request, if any. */
    take(scope: FaultScope): ChatFault | undefined {
      const fault = faults[scope];
      if (!fault) return undefined;
      if (Math.random() >= (fault.rate ?? 1)) return undefined;
      if (fault.count !== undefined) {
        fault.count--;
        if (fault.count <= 0) delete faults[scope];
      }
      return { ...fault };
    },
  };
}

export type FaultBoard = ReturnType<typeof createFaultBoard>;

/** Which fault scope a request belongs to (chat faults hit `POST /chat` only). */
export function scopeOf(method: string, path: string): FaultScope | undefined {
  if (path === '/chat') return method === 'POST' ? 'chat' : undefined;
  if (path.startsWith('/v1/')) return 'mood';
  if (path.startsWith('/api/v1/gateway/')) return 'gateway';
  return undefined;
}
