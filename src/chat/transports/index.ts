export { createMooniTransport, type MooniTransportOptions } from './mooni.js';
export {
  createMindExpressionTransport,
  type MindExpressionTransport,
  type MindExpressionTransportOptions,
} from './mind-expression.js';
export { toStreamEvent } from './sse-event.js';
export { retryAfterMs } from './http.js';
