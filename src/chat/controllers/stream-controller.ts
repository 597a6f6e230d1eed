import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatMessage, ChatTransport, SendContext } from '../model.js';
import { describeFailure, type Failure } from './failure.js';
import type { MooniStrings } from '../strings.js';

/** How one answer ended. */
export interface Outcome {
  failure?: Failure;
  /** The server ended the conversation (Mind Expression 220). */
  terminated?: boolean;
}

/**
 * Streams one answer at a time into a draft message. Text grows in place and the host re-renders once per
 * burst of events, however fast chunks arrive. Asking again, `stop()` and disconnecting abort the answer in
 * flight.
 */
export class StreamController implements ReactiveController {
  /** The answer streaming now. */
  draft?: ChatMessage;
  private abort?: AbortController;
  private timer = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly strings: () => MooniStrings,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** Aborts the answer in flight; it keeps what arrived and reads as stopped at once. */
  stop(): void {
    const { abort, draft } = this;
    if (!abort) return;
    this.abort = this.draft = undefined;
    abort.abort();
    if (draft) {
      draft.state = 'stopped';
      draft.failure = this.strings().stopped;
    }
    this.host.requestUpdate();
  }

  /** Streams the answer to `draft.question` into `draft`; never throws. */
  async run(transport: ChatTransport, draft: ChatMessage, context: Omit<SendContext, 'signal'>): Promise<Outcome> {
    this.stop();
    const abort = (this.abort = new AbortController());
    this.draft = draft;
    const outcome: Outcome = {};
    try {
      for await (const event of transport.send(draft.question ?? '', { ...context, signal: abort.signal })) {
        if (abort.signal.aborted) break;
        switch (event.kind) {
          case 'status':
            if (event.status === 'out_of_scope') draft.tone = 'warning';
            break;
          case 'text':
            draft.text += event.content;
            break;
          case 'faq':
            draft.faqs = event.results;
            break;
          case 'template':
            draft.templates = [...draft.templates, event.template];
            break;
          case 'error':
            outcome.failure = describeFailure(event.message, this.strings());
            break;
          case 'terminated':
            outcome.terminated = true;
        }
        this.scheduleUpdate();
      }
    } catch (error) {
      if (!abort.signal.aborted) outcome.failure = describeFailure(error, this.strings());
    }
    if (!abort.signal.aborted) {
      this.abort = this.draft = undefined;
      draft.state = outcome.failure ? 'failed' : 'done';
      if (outcome.failure) draft.failure = outcome.failure.text;
    }
    clearTimeout(this.timer);
    this.timer = 0;
    this.host.requestUpdate();
    return outcome;
  }

  get busy(): boolean {
    return !!this.abort;
  }

  /**
   * Events that arrive together (one network read) render together, right after: a chunk reaches the DOM
   * within milliseconds instead of waiting for the next frame, and a flood still renders once per read.
   */
  private scheduleUpdate(): void {
    this.timer ||= window.setTimeout(() => {
      this.timer = 0;
      this.host.requestUpdate();
    });
  }
}
