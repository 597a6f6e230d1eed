/**
 * `mooni-embed/react` (React ≥ 18): `MooniProvider`, `useMooni`, `useMood` and the headless `useMooniChat`.
 * Nothing runs at import and nothing touches `window` while rendering, so it renders on the server.
 */
export { MooniProvider, useMooniOptions, type MooniProviderOptions } from './context.js';
export { useMooni, useMood, type UseMooni, type UseMood } from './use-mooni.js';
export {
  useMooniChat,
  type Card,
  type CardButton,
  type ChatState,
  type FaqSuggestion,
  type MooniChatMessage,
  type OutgoingMessage,
  type QuickReply,
  type Template,
  type UseMooniChat,
  type UseMooniChatOptions,
} from './use-mooni-chat.js';
