// Static demo only (npm run build:demo): the mock backend answers inside the page. It must run before
// mooni.iife.js, which picks `window.MooniMockFetch` (and the realtime channel's `window.MooniMockWebSocket`)
// up because its tag says data-mock="in-page".
import { installInPageBackend } from '../src/mock/hosts/in-page.js';
import { DEMO_USER_TOKEN_SECRETS } from '../src/mock/chat/user-token.js';

const backend = installInPageBackend({ chunkDelayMs: 40, userTokenSecrets: DEMO_USER_TOKEN_SECRETS });
Object.assign(window, { MooniMockFetch: backend.fetch, MooniMockWebSocket: backend.WebSocket });
