/**
 * `mooni-embed/server`: Node ≥ 20 clients for Mooni Chat, SessionMood and the Mind Expression gateway, an
 * Express/Connect middleware with user context, and webhook helpers. Built on `fetch`; no runtime dependency beyond the
 * package's own.
 */
export { MooniServer, UserClient } from './client.js';
export type {
  GatewayConversation,
  GatewayCredentials,
  MooniServerOptions,
  RequestOptions,
  UserContext,
  Webhook,
  WebhookFilters,
  WebhookInput,
} from './client.js';
export { DEFAULT_BASE_URLS, DEVELOPMENT_BASE, type BaseUrls, type Environment } from './environments.js';
export { MooniApiError, type ApiName } from './errors.js';
export { mooniMiddleware, type MiddlewareOptions, type MiddlewareRequest } from './middleware.js';
export { retryAfterMs, type FetchLike, type RetryMode, type RetryOptions } from './retry.js';
export type * from './types.js';
export {
  createWebhookHandler,
  readWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  verifyWebhookSignature,
  WEBHOOK_EVENT_TYPES,
  type HeaderSource,
  type NodeLikeRequest,
  type NodeLikeResponse,
  type WebhookEnvelope,
  type WebhookEventType,
  type WebhookHandlers,
  type WebhookVerification,
} from './webhooks.js';
