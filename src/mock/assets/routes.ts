import { Hono } from 'hono';
import { json } from '../http.js';
import { MOCK_IMAGES } from './images.js';
import { ASSET_PREFIX } from './urls.js';

const HEADERS = {
  'content-type': 'image/svg+xml',
  'cache-control': 'public, max-age=86400',
  'x-content-type-options': 'nosniff',
  // Opened on its own (not as an <img>), a picture still may not run or load anything.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
};

/** `GET /__mock/assets/:name.svg`: the bundled pictures the demo answers show. */
export function assetRoutes() {
  const app = new Hono();
  app.get(`${ASSET_PREFIX}:file`, (c) => {
    const name = /^([a-z0-9-]+)\.svg$/.exec(c.req.param('file'))?.[1];
    if (!name || !Object.hasOwn(MOCK_IMAGES, name)) return json({ error: 'Not found' }, 404);
    return new Response(MOCK_IMAGES[name as keyof typeof MOCK_IMAGES], { headers: HEADERS });
  });
  return app;
}
