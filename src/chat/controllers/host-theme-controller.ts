import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs from its element. */
export interface HostThemeHost extends ReactiveControllerHost, HTMLElement {
  readonly theme: string;
}

/** The host page's own dark mode: `<html data-theme="dark">` or `<html class="dark">`. */
const hostIsDark = (root: HTMLElement) => root.dataset.theme === 'dark' || root.classList.contains('dark');

/**
 * `theme="host"`: the colour scheme follows the host page's own light/dark toggle on `<html>` (watched while the
 * element is in the page), not the system's. It is set on the element's own style, which its palette
 * (light-dark()) reads.
 */
export class HostThemeController implements ReactiveController {
  #watch?: MutationObserver;

  constructor(private readonly host: HostThemeHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    const following = this.host.theme === 'host' && this.host.isConnected;
    if (following === Boolean(this.#watch)) return;
    const root = document.documentElement;
    const { style } = this.host;
    if (following) {
      const apply = () => (style.colorScheme = hostIsDark(root) ? 'dark' : 'light');
      this.#watch = new MutationObserver(apply);
      this.#watch.observe(root, { attributeFilter: ['class', 'data-theme'] });
      apply();
    } else this.hostDisconnected();
  }

  hostDisconnected(): void {
    this.#watch?.disconnect();
    this.#watch = undefined;
    this.host.style.colorScheme = '';
  }
}
