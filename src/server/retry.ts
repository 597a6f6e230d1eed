import { MooniApiError, type ApiName } from './errors.js';

/**
 * Which requests are retried after a 5xx or a network failure: `idempotent` (default) retries GET and DELETE
 * only; `all` retries POST too; `none` never retries. A 429 is retried in every mode but `none`: the server
 * refused the request before doing anything.
 */
export type RetryMode = 'idempotent' | 'all' | 'none';

export interface RetryOptions {
  mode?: RetryMode;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First backoff (default 500 ms), doubled each retry, with up to 20 % jitter; `Retry-After` wins when sent. */
  baseDelayMs?: number;
  /** No single wait is longer than this (default 30,000 ms); a longer `Retry-After` fails at once instead. */
  maxDelayMs?: number;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

const IDEMPOTENT = new Set(['GET', 'HEAD', 'DELETE', 'PUT', 'OPTIONS']);

/** Milliseconds from a `retry-after` header: delta-seconds or an HTTP date. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

const retryable = (mode: RetryMode, method: string, status: number | 'network') => {
  if (mode === 'none') return false;
  if (status === 429) return true;
  const transient = status === 'network' || status >= 500;
  return transient && (mode === 'all' || IDEMPOTENT.has(method));
};

const sleep = (ms: number, signal?: AbortSignal | null) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * `fetch` with 000's retry guidance: 429 waits `Retry-After`, 5xx and network failures back off
 * exponentially (per `RetryOptions`). A final non-2xx becomes a `MooniApiError`.
 */
export async function fetchWithRetry(
  fetcher: FetchLike,
  api: ApiName,
  url: string,
  init: RequestInit,
  options: RetryOptions = {},
): Promise<Response> {
  const mode = options.mode ?? 'idempotent';
  const retries = options.retries ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const method = (init.method ?? 'GET').toUpperCase();
  for (let attempt = 0; ; attempt++) {
    const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt * (1 + Math.random() * 0.2));
    let response: Response;
    try {
      response = await fetcher(url, init);
    } catch (error) {
      if (init.signal?.aborted || attempt >= retries || !retryable(mode, method, 'network')) throw error;
      await sleep(backoff, init.signal);
      continue;
    }
    if (response.ok) return response;
    const waitMs = retryAfterMs(response.headers.get('retry-after')) ?? backoff;
    if (attempt < retries && retryable(mode, method, response.status) && waitMs <= maxDelayMs) {
      await response.body?.cancel();
      await sleep(waitMs, init.signal);
      continue;
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => (headers[name] = value));
    throw new MooniApiError(api, response.status, headers, await readBody(response));
  }
}
