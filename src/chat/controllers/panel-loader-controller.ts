import { adoptStyles, type ReactiveController, type ReactiveElement } from 'lit';
import { loadPanel, type PanelModule } from '../load-panel.js';
import type { ChatMessage } from '../model.js';
import type { ScrollController } from './scroll-controller.js';

/** The panel module once loaded, shared by every element of the page. */
let loaded: PanelModule | undefined;
let loading: Promise<PanelModule> | undefined;

/** Loads the panel module once for the page; a failed load is tried again next time. */
export function loadPanelOnce(): Promise<PanelModule> {
  loading ??= loadPanel().then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** What the controller needs from its element. */
export interface PanelLoaderHost extends ReactiveElement {
  /** The panel is wanted on screen: a module that failed to load is tried again. */
  readonly showing: boolean;
  readonly mode: 'launcher' | 'inline';
  readonly messages: readonly ChatMessage[];
}

/**
 * Brings the panel module (its view, stylesheet, transports and conversation store) when the element
 * connects, and again when the panel shows after a failed load. Once it is there, the element's shadow root
 * adopts the panel's stylesheet next to its own, and the panel's scroll and viewport controllers join the element
 * (a log that is not rendered needs neither, so a closed launcher does not load them). A failed
 * load (offline, or mooni-panel.js missing beside the script) is reported as `failed` until `retry()`.
 */
export class PanelLoaderController implements ReactiveController {
  /** The module could not be loaded. */
  failed = false;
  /** The log's scrolling, once the panel module is here (until then there is no log: it starts pinned to the end). */
  scroll?: ScrollController;
  #pending?: Promise<void>;
  #styled = false;

  constructor(private readonly host: PanelLoaderHost) {
    host.addController(this);
  }

  /** The panel module, once loaded. */
  get module(): PanelModule | undefined {
    return loaded;
  }

  hostConnected(): void {
    // Asked for at once by the conversation's restore too: the hidden panel renders as soon as it is here,
    // so it opens at once.
    this.#load();
  }

  hostUpdate(): void {
    if (this.host.showing && !loaded && !this.failed) this.#load();
    if (loaded && !this.#styled) {
      this.#styled = true;
      const { elementStyles } = this.host.constructor as typeof ReactiveElement;
      adoptStyles(this.host.renderRoot as ShadowRoot, [...elementStyles, loaded.styles]);
      // Lit updates a controller added during this update in this update too, before the panel renders.
      this.scroll = new loaded.ScrollController(this.host);
      loaded.followViewport(this.host);
    }
  }

  /** Tries the load again on the next update. */
  retry(): void {
    this.failed = false;
    this.host.requestUpdate();
  }

  /** The load in flight, if any; it settles after the update that shows its outcome is requested. */
  get pending(): Promise<void> | undefined {
    return this.#pending;
  }

  #load(): void {
    if (loaded) return;
    this.#pending ??= loadPanelOnce()
      .then(
        () => {},
        () => void (this.failed = true),
      )
      .finally(() => {
        this.#pending = undefined;
        this.host.requestUpdate();
      });
  }
}
