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
  /** Where following the end last left the log's scrollTop; a scroll that leaves it there was the follow's own. */
  #followedTo = Infinity;
  #scrolled = false;
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

  hostUpdated(): void {
    if (this.#pinned) this.#inNextFrame();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** A new answer starts: the log follows it, whatever scrolled before the follow first puts it at its end. */
  pin(): void {
    this.#pinned = true;
    this.#followedTo = -Infinity;
  }

  scrolled(): void {
    this.#scrolled = true;
    this.#inNextFrame();
  }

  /**
   * Reading the log's position lays out what was just rendered. A scroll event or an update that read it at once
   * would add that layout to its own task, once per update of a fast stream; read in the next frame, it is the
   * layout the frame does anyway, once however many updates came before it.
   */
  #inNextFrame(): void {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      const log = this.#log();
      if (!log) return;
      if (this.#scrolled) {
        this.#scrolled = false;
        const atEnd = log.scrollHeight - log.scrollTop - log.clientHeight < EDGE_PX;
        // Content that grew since the follow put the log at its end is not the user scrolling away from it (the
        // position read back may differ by a pixel or two from the one set, so near it counts, as near the end does).
        this.#pinned = atEnd || log.scrollTop > this.#followedTo - EDGE_PX;
        if (log.scrollTop < EDGE_PX && this.unrendered) void this.earlier();
      }
      if (!this.#pinned) return void (this.#followedTo = Infinity);
      log.scrollTop = log.scrollHeight;
      this.#followedTo = log.scrollTop;
    });
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
