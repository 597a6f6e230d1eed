import type { MooniServer, UserClient, UserContext } from './client.js';

/** The request as Express/Connect give it: the middleware only reads what `userOf` reads. */
export type MiddlewareRequest = object & { mooni?: UserClient };

export interface MiddlewareOptions<Request extends MiddlewareRequest> {
  /** The signed-in user of the request, or undefined (then `request.mooni` stays unset). */
  userOf(request: Request): UserContext | undefined;
}

/**
 * Express/Connect middleware (000 "Express middleware for user context"): attaches `request.mooni`, a client
 * bound to the request's user and session.
 */
export function mooniMiddleware<Request extends MiddlewareRequest>(
  server: MooniServer,
  options: MiddlewareOptions<Request>,
) {
  return (request: Request, _response: unknown, next: (error?: unknown) => void): void => {
    try {
      const context = options.userOf(request);
      if (context) request.mooni = server.withUserContext(context);
      next();
    } catch (error) {
      next(error);
    }
  };
}
