import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * What the panel's polite status region says. Each announcement is heard once, even when it repeats the
 * last one: the region is emptied for one render first.
 */
export class AnnouncerController implements ReactiveController {
  /** The region's text. */
  said = '';

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** A detached element has nothing to say; re-attached, it does not repeat its last words. */
  hostDisconnected(): void {
    this.said = '';
  }

  async announce(text: string): Promise<void> {
    this.said = '';
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.said = text;
    this.host.requestUpdate();
  }
}
