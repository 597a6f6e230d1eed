import type { FaultScope, HttpFault } from '../faults.js';
import { json, randomHex } from '../http.js';

/** Header by which the app tells its host to fail the request at the network level. */
export const DROP_HEADER = 'x-mooni-mock-drop';

/** First day of next month, UTC: when monthly quotas reset. */
export function nextMonthStart(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The injected answer, in the shape of the API the request belongs to. */
export function faultResponse(
  scope: FaultScope,
  fault: HttpFault & { status: number },
  quota: { plan: string; limit: number },
): Response {
  const { status, retryAfterSec } = fault;
  const retry = status === 429 && retryAfterSec !== undefined;
  const headers: Record<string, string> = retry ? { 'retry-after': String(retryAfterSec) } : {};
  const resetAt = retry ? new Date(Date.now() + retryAfterSec * 1000).toISOString() : nextMonthStart();
  const text = STATUS_TEXT[status] ?? 'Injected failure';
  if (status < 400) return json({ injected: true }, status, headers);
  if (scope === 'chat') {
    if (status === 401) return new Response(null, { status, headers });
    const error =
      status === 400
        ? 'invalid_json'
        : status === 429
          ? 'rate_limited'
          : status >= 500
            ? 'internal_error'
            : text.toLowerCase().replace(/ /g, '_');
    return json({ error }, status, headers);
  }
  if (scope === 'mood') {
    if (status === 401) return json({ error: 'Unauthorized', message: 'Missing or invalid API key' }, status, headers);
    if (status === 429)
      return json(
        { error: 'Rate limit exceeded', plan: quota.plan, limit: quota.limit, reset_at: resetAt },
        status,
        headers,
      );
    if (status === 500)
      return json({ error: 'Internal Server Error', request_id: `req_${randomHex(3)}` }, status, headers);
    return json({ error: text }, status, headers);
  }
  return json(
    { description: text, code: status, data: null, error: text.toLowerCase().replace(/ /g, '_') },
    status,
    headers,
  );
}

/** A response the hosts turn into a network failure (the Node hosts break the HTTP reply, in-page rejects). */
export function dropResponse(): Response {
  return new Response(null, { status: 502, headers: { [DROP_HEADER]: '1' } });
}
