import type { ReactiveController, ReactiveElement } from '@lit/reactive-element';
import type { ChatMessage } from '../model.js';

/** A restored conversation shows this many latest messages; earlier ones come in pages of this size. */
const PAGE_SIZE = 40;

/** Within this many pixels of an edge counts as at that edge. */
const EDGE_PX = 48;

/** What the controller needs from its element. */
export interface ScrollHost extends ReactiveElement {
  readonly messages: readonly ChatMessage[];
}

/**
 * Keeps the log pinned to its end while the user reads there, and renders a long conversation page by page:
 * a conversation that appears at once (a restore) shows its latest page; scrolling to the top, or the
 * Earlier button, renders the previous page above without moving what the user looks at.
 */
export class ScrollController implements ReactiveController {
  /** How many of the oldest messages are not rendered. */
  unrendered = 0;
  #pinned = true;
  #previous?: readonly ChatMessage[];
  #frame = 0;

  constructor(private readonly host: ScrollHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { messages } = this.host;
    if (messages === this.#previous) return;
    if (!this.#previous?.length) this.unrendered = Math.max(0, messages.length - PAGE_SIZE);
    this.#previous = messages;
  }

  /**
   * Following the end reads the log's height, which lays out what was just rendered: done once per frame,
   * however many updates a fast stream makes in it, not once per update.
   */
  hostUpdated(): void {
    if (!this.#pinned || this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      const log = this.#log();
      if (this.#pinned && log) log.scrollTop = log.scrollHeight;
    });
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** A new answer starts: the log follows it. */
  pin(): void {
    this.#pinned = true;
  }

  scrolled(): void {
    const log = this.#log();
    if (!log) return;
    this.#pinned = log.scrollHeight - log.scrollTop - log.clientHeight < EDGE_PX;
    if (log.scrollTop < EDGE_PX && this.unrendered) void this.earlier();
  }

  /** Renders the previous page of messages above, keeping what the user looks at in place. */
  async earlier(): Promise<void> {
    const log = this.#log();
    if (!log) return;
    const fromBottom = log.scrollHeight - log.scrollTop;
    this.unrendered = Math.max(0, this.unrendered - PAGE_SIZE);
    this.host.requestUpdate();
    await this.host.updateComplete;
    log.scrollTop = log.scrollHeight - fromBottom;
  }

  #log(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('.log');
  }
}
