/**
 * The npm entry: the `<mooni-frame>` element (importing this module registers it), the behaviour tracker,
 * the chat clients it is built on, and the webhook signature helper. Everything but the element's
 * registration is free of side effects, so bundlers keep only what is used.
 */
export * from './chat/mooni-frame.js';
export * from './tracker.js';
export { createMooniTransport, createMindExpressionTransport } from './chat/transports/index.js';
export type { MooniTransportOptions, MindExpressionTransportOptions } from './chat/transports/index.js';
export { ChatHttpError, StreamCutError } from './chat/model.js';
export type {
  Card,
  CardButton,
  ChatMessage,
  ChatTransport,
  FaqSuggestion,
  QuickReply,
  SendContext,
  StreamEvent,
  Template,
} from './chat/model.js';
export {
  verifyWebhookSignature,
  signWebhook,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  type VerifyWebhookOptions,
} from './webhooks/verify.js';
export type {
  MooniApi,
  MooniHookMap,
  MooniHookType,
  MooniHookCallback,
  MooniOptions,
  HelpTopic,
  EmbedTexts,
} from './embed/mooni-api.js';
