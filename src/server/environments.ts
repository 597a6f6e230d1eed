import type { Environment } from '../webhooks/events.js';

export type { Environment };

/** Where each API lives in one environment. */
export interface BaseUrls {
  /** Mooni Chat (001). */
  chat?: string;
  /** SessionMood (003); webhook subscriptions live here too. */
  mood?: string;
  /** The Mind Expression Engine URL from its integration page (002 gives none). */
  gateway?: string;
}

/** The mock backend of `npm run mock`, which answers all three APIs on one origin. */
export const DEVELOPMENT_BASE = 'http://localhost:8787';

/** Production as the documents give it; development is the mock; staging has no default. */
export const DEFAULT_BASE_URLS: Record<Environment, BaseUrls> = {
  production: { chat: 'https://tap-cs.coxwave.link', mood: 'https://session-mood-api-production.up.railway.app' },
  staging: {},
  development: { chat: DEVELOPMENT_BASE, mood: DEVELOPMENT_BASE, gateway: DEVELOPMENT_BASE },
};

/** The base URLs of `environment`: the defaults with the configured ones over them. */
export function baseUrlsOf(environment: Environment, configured: Partial<Record<Environment, BaseUrls>> = {}) {
  return { ...DEFAULT_BASE_URLS[environment], ...configured[environment] };
}
