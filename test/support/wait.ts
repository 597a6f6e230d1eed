/** Waiting in tests (browser and Node): one way to wait for a condition, one way to pause. */

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `read()` gives a truthy value and returns it; throws after `timeoutMs` naming `what` was awaited
 * (a function is called then, so the message can describe the state at that moment).
 */
export async function until<T>(
  read: () => T | Promise<T>,
  what: string | (() => string) = 'condition',
  timeoutMs = 5000,
): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value as NonNullable<T>;
    if (Date.now() > end)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'function' ? what() : what}`);
    await sleep(20);
  }
}
