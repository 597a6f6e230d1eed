const KEY = 'sm_session_id';

/** A random UUID; `crypto.randomUUID` exists only in secure contexts, so plain http pages get the fallback. */
export const uuid = (): string =>
  crypto.randomUUID?.() ??
  '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
    (+c ^ (crypto.getRandomValues(new Uint8Array(1))[0]! & (15 >> (+c / 4)))).toString(16),
  );

/** The tab's session id (003 option B): sessionStorage `sm_session_id`, opaque, at most 256 characters. */
export const readSession = (): string | undefined => {
  try {
    const id = sessionStorage.getItem(KEY);
    return id && id.length <= 256 ? id : undefined;
  } catch {
    return undefined;
  }
};

export const saveSession = (id: string) => {
  try {
    sessionStorage.setItem(KEY, id);
  } catch {
    // storage blocked: the id lives as long as the page
  }
};
