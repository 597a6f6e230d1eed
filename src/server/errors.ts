/** Which of the three APIs answered. */
export type ApiName = 'chat' | 'mood' | 'gateway' | 'webhooks';

/**
 * Every refusal of every API, as 000's error handling expects it: `statusCode`, the response `headers`
 * (lower-case names, so `error.headers['retry-after']` works) and the documented `body` (`undefined` when the
 * answer had none, e.g. Mooni Chat's 401).
 */
export class MooniApiError extends Error {
  constructor(
    readonly api: ApiName,
    readonly statusCode: number,
    readonly headers: Record<string, string>,
    readonly body: unknown,
  ) {
    super(`${api} API answered ${statusCode}${describe(body)}`);
    this.name = 'MooniApiError';
  }
}

function describe(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const error = (body as { error?: unknown }).error;
  return typeof error === 'string' ? `: ${error}` : '';
}
