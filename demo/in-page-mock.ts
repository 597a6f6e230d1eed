// Static demo only (npm run build:demo): the mock backend answers inside the page. It must run before
// mooni.iife.js, which picks `window.MooniMockFetch` up because its tag says data-mock="in-page".
import { installInPageMock } from '../src/mock/hosts/in-page.js';

(window as unknown as { MooniMockFetch: unknown }).MooniMockFetch = installInPageMock({ chunkDelayMs: 40 });
