/**
 * JSX typing of `<mooni-frame>` for React 19 users: `import type {} from 'mooni-embed/jsx'` once (types only).
 * React 19 sets a prop as a property when the element has one (`strings`, `fetcher`, `open`…), else as an
 * attribute (`api-key`…), and `onmooni-open`-style props listen to the element's custom events.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { MooniEventMap } from './chat/events.js';
import type { FetchLike } from './chat/model.js';
import type { MooniFrame } from './chat/mooni-frame.js';
import type { MooniStrings } from './chat/strings.js';

export type MooniFrameEventProps = {
  [K in keyof MooniEventMap as `on${K}`]?: (event: CustomEvent<MooniEventMap[K]>) => void;
};

export interface MooniFrameAttributes {
  'api-key'?: string;
  'api-base'?: string;
  'session-id'?: string;
  'user-id'?: string;
  'organization-id'?: string;
  open?: boolean;
  mode?: 'launcher' | 'inline';
  placeholder?: string;
  theme?: 'light' | 'dark' | 'auto';
  transport?: 'mooni' | 'mind-expression';
  'engine-url'?: string;
  'auth-key'?: string;
  'developer-id'?: string;
  'scope-id'?: string;
  /** Property: a partial table of the element's UI strings. */
  strings?: Partial<MooniStrings>;
  /** Property: the fetch the element calls (e.g. an in-page mock). */
  fetcher?: FetchLike;
}

export type MooniFrameProps = DetailedHTMLProps<HTMLAttributes<MooniFrame>, MooniFrame> &
  MooniFrameAttributes &
  MooniFrameEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'mooni-frame': MooniFrameProps;
    }
  }
}
