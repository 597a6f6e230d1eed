import { ChatHttpError, StreamCutError } from '../model.js';
import type { MooniFailDetail } from '../events.js';
import { fill, type MooniStrings } from '../strings.js';

/** Why an answer failed, in the words the user sees and the detail `mooni-fail` carries. */
export interface Failure extends MooniFailDetail {
  text: string;
  /** For 429: epoch ms before which Retry stays disabled. */
  retryAt?: number;
}

const RATE_LIMIT_FALLBACK_MS = 5000;

/** Maps what a transport threw (or an `error` event's message) to a plain-words failure. */
export function describeFailure(error: unknown, s: MooniStrings, now = Date.now()): Failure {
  if (error instanceof ChatHttpError) {
    const { status, code } = error;
    if (status === 400) {
      const text = code === 'missing_query' ? s.missingQuery : code === 'query_too_long' ? s.tooLong : s.badRequest;
      return { reason: 'http_400', status, code, text };
    }
    if (status === 401 || status === 403) return { reason: 'unauthorized', status, code, text: s.unavailable };
    if (status === 429) {
      const wait = error.retryAfterMs ?? RATE_LIMIT_FALLBACK_MS;
      return { reason: 'rate_limited', status, code, text: fill(s.rateLimited, Math.ceil(wait / 1000)), retryAt: now + wait };
    }
    return { reason: status >= 500 ? 'server_error' : 'http_error', status, code, text: s.serverError };
  }
  if (error instanceof StreamCutError) return { reason: 'stream_cut', text: s.streamCut };
  if (error instanceof TypeError) return { reason: 'offline', text: s.offline };
  return { reason: 'server_error', code: typeof error === 'string' ? error : undefined, text: s.serverError };
}
