import MooniFrame from './mooni-frame.component.js';

export { MooniFrame };
export type { SayMessage } from './mooni-frame.component.js';
export type { MooniStrings } from './strings.js';
export { defaultStrings } from './panel-strings.js';
export type * from './events.js';

// A second copy of the bundle on the same page must not throw on a duplicate definition.
if (!customElements.get('mooni-frame')) customElements.define('mooni-frame', MooniFrame);

declare global {
  interface HTMLElementTagNameMap {
    'mooni-frame': MooniFrame;
  }
}
