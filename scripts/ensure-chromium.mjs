import { ensureChromium } from './chromium.mjs';

try {
  const path = ensureChromium();
  console.log(`mooni: using ${path}`);
} catch (error) {
  console.error(`mooni: ${error.message}`);
  process.exit(1);
}
