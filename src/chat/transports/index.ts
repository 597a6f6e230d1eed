export { createMooniTransport, toStreamEvent, type MooniTransportOptions } from './mooni.js';
export {
  createMindExpressionTransport,
  type MindExpressionTransport,
  type MindExpressionTransportOptions,
  type AuthScheme,
} from './mind-expression.js';
export { retryAfterMs } from './http.js';
