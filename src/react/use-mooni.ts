import type { MoodSnapshot } from '../tracker/types.js';
import type { MooniApi, SayMessage } from '../embed/mooni-api.js';
// React ships CommonJS whose named exports not every loader detects: the default export always works.
import React from 'react';

const { useCallback, useMemo, useSyncExternalStore } = React;

const EMBED_EVENTS = ['mooni-open', 'mooni-close', 'mooni:ready'];

/** Re-reads on the element's open and close events and when the bundle has set up `window.Mooni`. */
function subscribeToEmbed(onChange: () => void) {
  for (const type of EMBED_EVENTS) addEventListener(type, onChange);
  return () => {
    for (const type of EMBED_EVENTS) removeEventListener(type, onChange);
  };
}

const embed = (): MooniApi | undefined => (typeof window === 'undefined' ? undefined : window.Mooni);
const loaded = () => typeof embed()?.version === 'string';
const panelOpen = () => Boolean((embed()?.frame as (HTMLElement & { open?: boolean }) | undefined)?.open);

export interface UseMooni {
  /** The script-tag bundle has loaded (`window.Mooni` is the real API, not the pre-load queue). */
  ready: boolean;
  isOpen: boolean;
  open(): void;
  close(): void;
  send(text: string): void;
  say(message: SayMessage): void;
  reset(): void;
}

/**
 * The embed on the page (`window.Mooni`, from the script tag or the snippet's queue) as React state. Calls
 * before it has loaded go to the snippet's queue when the page has one; otherwise they do nothing.
 */
export function useMooni(): UseMooni {
  const ready = useSyncExternalStore(subscribeToEmbed, loaded, () => false);
  const isOpen = useSyncExternalStore(subscribeToEmbed, panelOpen, () => false);
  const call = useCallback(<K extends 'open' | 'close' | 'send' | 'say' | 'reset'>(method: K, ...args: unknown[]) => {
    const api = embed();
    if (!api) return;
    if (typeof api[method] === 'function') (api[method] as (...values: unknown[]) => void)(...args);
    else api.q?.push([method, ...args]);
  }, []);
  return useMemo(
    () => ({
      ready,
      isOpen,
      open: () => call('open'),
      close: () => call('close'),
      send: (text: string) => call('send', text),
      say: (message: SayMessage) => call('say', message),
      reset: () => call('reset'),
    }),
    [ready, isOpen, call],
  );
}

let latestMood: MoodSnapshot | undefined;

function subscribeToMood(onChange: () => void) {
  const listener = (event: Event) => {
    latestMood = (event as CustomEvent<MoodSnapshot>).detail;
    onChange();
  };
  addEventListener('mooni-mood', listener);
  return () => removeEventListener('mooni-mood', listener);
}

const currentMood = () => latestMood ?? embed()?.tracker?.mood;

export interface UseMood {
  /** The latest mood reading of the page's tracker; undefined before the first (and on the server). */
  mood: MoodSnapshot | undefined;
  suggestedAction: MoodSnapshot['suggested_action'] | undefined;
}

/** The current mood snapshot and its suggested action; the component re-renders at each change. */
export function useMood(): UseMood {
  const mood = useSyncExternalStore(subscribeToMood, currentMood, () => undefined);
  return { mood, suggestedAction: mood?.suggested_action };
}
