import type { ReactiveController, ReactiveElement } from '@lit/reactive-element';

/** A visual viewport this much shorter than the window: the on-screen keyboard is up. */
const KEYBOARD_PX = 100;

/** Within this many pixels of the end, the log counts as read to its end (as the scroll controller does). */
const EDGE_PX = 48;

/** What the controller needs from its element. */
export interface ViewportHost extends ReactiveElement {
  readonly showing: boolean;
  readonly mode: 'launcher' | 'inline';
}

/** The longhands a lock sets on <html>: the host page's own inline values of them are kept to be put back. */
const OVERFLOWS = ['overflow-x', 'overflow-y'];

/** The host page's own inline overflow of <html>, kept while the panel locks it. */
interface SavedOverflow {
  declarations: [name: string, value: string, priority: string][];
  hadStyle: boolean;
}

/**
 * While the launcher's panel fills a phone's screen: the panel follows the visual viewport (what the on-screen
 * keyboard leaves of the page), so the composer and the newest message stay in sight, and the host page behind
 * does not scroll; its own `overflow` comes back exactly as it was when the panel closes. It ships with the panel
 * module, which adds it to the element once loaded: a closed launcher never needs it.
 */
export class ViewportController implements ReactiveController {
  #following = false;
  #saved?: SavedOverflow;
  /** @param query Whether the panel fills the screen (follow-viewport.ts). */
  constructor(
    private readonly host: ViewportHost,
    private readonly query: MediaQueryList,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    // A removed element may still update (an answer still streaming): it must not lock the page again.
    const { isConnected, showing, mode } = this.host;
    this.#follow(isConnected && showing && mode === 'launcher');
  }

  hostDisconnected(): void {
    this.#follow(false);
  }

  /** Only when the panel shows or hides: the panel's size changes with the viewport, not with each render. */
  #follow(wanted: boolean): void {
    if (wanted === this.#following) return;
    this.#following = wanted;
    const method = wanted ? 'addEventListener' : 'removeEventListener';
    visualViewport?.[method]('resize', this.#fit);
    visualViewport?.[method]('scroll', this.#fit);
    this.query[method]('change', this.#fit);
    this.#fit();
  }

  #fit = (): void => {
    const panel = this.host.renderRoot.querySelector<HTMLElement>('.panel');
    const viewport = visualViewport;
    const fullScreen = this.#following && this.query.matches && viewport && panel;
    this.#lockPage(Boolean(fullScreen));
    if (!panel) return;
    if (!fullScreen) {
      for (const name of ['--viewport-top', '--viewport-height', '--viewport-bottom-inset'])
        panel.style.removeProperty(name);
      return;
    }
    const log = panel.querySelector('.log');
    const atEnd = log && log.scrollHeight - log.scrollTop - log.clientHeight < EDGE_PX;
    panel.style.setProperty('--viewport-top', `${viewport.offsetTop}px`);
    panel.style.setProperty('--viewport-height', `${viewport.height}px`);
    // The keyboard covers the home indicator: no bottom inset above it.
    if (innerHeight - viewport.height > KEYBOARD_PX) panel.style.setProperty('--viewport-bottom-inset', '0px');
    else panel.style.removeProperty('--viewport-bottom-inset');
    if (atEnd) log.scrollTop = log.scrollHeight;
  };

  /** Stops the host page scrolling behind the full-screen panel, and gives it back its own overflow. */
  #lockPage(locked: boolean): void {
    const root = document.documentElement;
    const { style } = root;
    if (locked && !this.#saved) {
      this.#saved = {
        declarations: OVERFLOWS.map((name) => [name, style.getPropertyValue(name), style.getPropertyPriority(name)]),
        hadStyle: root.hasAttribute('style'),
      };
      for (const name of OVERFLOWS) style.setProperty(name, 'hidden', 'important');
    } else if (!locked && this.#saved) {
      const { declarations, hadStyle } = this.#saved;
      this.#saved = undefined;
      for (const [name, value, priority] of declarations) {
        if (value) style.setProperty(name, value, priority);
        else style.removeProperty(name);
      }
      // Read, not `style.length`: Chromium writes the attribute back lazily, which would bring back a style="".
      if (!hadStyle && root.getAttribute('style') === '') root.removeAttribute('style');
    }
  }
}
