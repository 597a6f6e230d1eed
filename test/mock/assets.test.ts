import { expect } from '@open-wc/testing';
import { MOCK_IMAGES } from '../../src/mock/assets/images.js';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';

/** Loads `src` as an <img> in the page and resolves with its natural size (rejects if Chromium cannot draw it). */
async function load(src: string): Promise<{ width: number; height: number }> {
  const img = new Image();
  img.src = src;
  document.body.append(img);
  try {
    await img.decode();
    return { width: img.naturalWidth, height: img.naturalHeight };
  } finally {
    img.remove();
  }
}

describe('bundled pictures seen from Chromium', () => {
  it('every picture is a valid SVG Chromium draws at its viewBox size', async () => {
    for (const [name, svg] of Object.entries(MOCK_IMAGES)) {
      const [, width, height] = /viewBox="0 0 (\d+) (\d+)"/.exec(svg)!;
      expect(await load(`/__mock/assets/${name}.svg`), name).to.deep.equal({
        width: Number(width),
        height: Number(height),
      });
    }
  });

  it("the answers' pictures (card and image templates) are absolute on this page's origin and load", async () => {
    const urls: string[] = [];
    for (const query of [DEMO_QUERIES.card, DEMO_QUERIES.image]) {
      const response = await fetch('/chat', {
        method: 'POST',
        headers: { 'mooni-api-key': 'mooni_demo_key', 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      const text = await response.text();
      urls.push(...[...text.matchAll(/"image-url":"([^"]+)"/g)].map((m) => m[1]));
    }
    expect(urls.length).to.be.at.least(3);
    for (const url of urls) {
      expect(new URL(url).origin, url).to.equal(location.origin);
      expect((await load(url)).width, url).to.be.greaterThan(0);
    }
  });
});
