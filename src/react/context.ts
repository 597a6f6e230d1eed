import type { FetchLike } from '../chat/model.js';
import type { MindExpressionTransportOptions } from '../chat/transports/mind-expression.js';
import type { Tracker } from '../tracker/types.js';
// React ships CommonJS whose named exports not every loader detects: the default export always works.
import React from 'react';
import type { ReactNode } from 'react';

const { createContext, createElement, useContext, useEffect } = React;

/** The embed's options, as `data-*` attributes give them to the script tag. */
export interface MooniProviderOptions {
  /** Mooni Chat key (`mooni-api-key`). */
  apiKey?: string;
  /** Mooni Chat base URL (default: same origin). */
  apiBase?: string;
  /** SessionMood key: with it, the provider starts a tracker in the browser unless the page already has one. */
  moodKey?: string;
  /** SessionMood base URL (default: `apiBase`). */
  moodBase?: string;
  userId?: string;
  organizationId?: string;
  /** `mind-expression` uses `mindExpression`'s engine URL and credentials. */
  transport?: 'mooni' | 'mind-expression';
  mindExpression?: Omit<MindExpressionTransportOptions, 'fetch'>;
  /** Used instead of the global `fetch`. */
  fetch?: FetchLike;
}

const MooniContext = createContext<MooniProviderOptions>({});

/** The provider's options (empty outside a provider: hooks then use the same origin and no keys). */
export const useMooniOptions = (): MooniProviderOptions => useContext(MooniContext);

/**
 * Gives its tree the embed's options (000's `MoodMnkyProvider`). Renders nothing of its own and touches no
 * browser API while rendering, so it renders on the server; the tracker starts in an effect, in the browser.
 */
export function MooniProvider(props: MooniProviderOptions & { children?: ReactNode }) {
  const { children, ...options } = props;
  const { moodKey, moodBase, apiBase } = options;
  useEffect(() => {
    if (!moodKey || window.Mooni?.tracker) return;
    let tracker: Tracker | undefined;
    let cancelled = false;
    void import('../tracker.js').then(({ createTracker }) => {
      if (!cancelled) tracker = createTracker({ apiKey: moodKey, apiBase: moodBase ?? apiBase });
    });
    return () => {
      cancelled = true;
      tracker?.stop();
    };
  }, [moodKey, moodBase, apiBase]);
  return createElement(MooniContext.Provider, { value: options }, children);
}
