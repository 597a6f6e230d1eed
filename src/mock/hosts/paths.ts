/**
 * Request paths the mock backend answers (a path, or a URL's path plus query); a host passes everything
 * else on (to Vite, WTR, the network). Whole segments only: `/chat` and `/chat?x` match, `/chat.js` does not.
 */
export const MOCK_PATHS = /^\/(?:(?:chat|config|health)(?:[/?]|$)|(?:history|v1|api\/v1\/gateway|__mock)\/)/;
