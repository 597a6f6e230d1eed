import { TRACKER_SESSION_KEY as KEY } from './storage-names.js';

/**
 * A random v4 UUID. `crypto.randomUUID` exists only in secure contexts; elsewhere a blob URL's own UUID
 * (random, made by the browser) serves.
 */
export const uuid = (): string => crypto.randomUUID?.() ?? URL.createObjectURL(new Blob()).slice(-36);

/**
 * The tab's session id (003 option B: sessionStorage `sm_session_id`, opaque, at most 256 characters):
 * reads it, or stores `id`. Blocked storage leaves the id to the page's lifetime.
 */
export const session = (id?: string): string | undefined => {
  try {
    if (id) sessionStorage.setItem(KEY, id);
    const s = sessionStorage.getItem(KEY);
    return s && !s[256] ? s : undefined;
  } catch {
    return undefined;
  }
};
