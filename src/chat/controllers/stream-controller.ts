import type { ReactiveController, ReactiveControllerHost } from '@lit/reactive-element';
import { ChatHttpError, StreamCutError, type ChatMessage, type ChatTransport, type SendContext } from '../model.js';
import type { MooniFailDetail } from '../events.js';
import { fill, type ElementStrings } from '../strings.js';
import { MAX_ANSWER } from '../limits.js';

/** Why an answer failed, in the words the user sees and the detail `mooni-fail` carries. */
export interface Failure extends MooniFailDetail {
  text: string;
  /** For 429: epoch ms before which Retry stays disabled. */
  retryAt?: number;
}

/** Maps what a transport threw (or an `error` event's message) to a plain-words failure. */
export function describeFailure(error: unknown, s: ElementStrings, now = Date.now()): Failure {
  if (error instanceof ChatHttpError) {
    const { status, code } = error;
    const wait = error.retryAfterMs ?? 5000;
    return status === 400
      ? {
          reason: 'http_400',
          status,
          code,
          text: code === 'missing_query' ? s.missingQuery : code === 'query_too_long' ? s.tooLong : s.badRequest,
        }
      : status === 401 || status === 403
        ? { reason: 'unauthorized', status, code, text: s.unavailable }
        : status === 429
          ? {
              reason: 'rate_limited',
              status,
              code,
              text: fill(s.rateLimited, Math.ceil(wait / 1000)),
              retryAt: now + wait,
            }
          : { reason: status > 499 ? 'server_error' : 'http_error', status, code, text: s.serverError };
  }
  return error instanceof StreamCutError
    ? { reason: 'stream_cut', text: s.streamCut }
    : error instanceof TypeError
      ? { reason: 'offline', text: s.offline }
      : { reason: 'server_error', code: typeof error === 'string' ? error : undefined, text: s.serverError };
}

/** Longest stretch of event handling before the stream yields to the browser, in ms. */
const SLICE_MS = 8;

/** How one answer ended. */
export interface Outcome {
  failure?: Failure;
  /** The server ended the conversation (Mind Expression 220). */
  terminated?: boolean;
}

/**
 * Streams the answer to `draft.question` into `draft` until the stream ends or `context.signal` aborts, and
 * calls `changed` once per burst of events (one network read), right after it: a chunk reaches the DOM within
 * milliseconds, and a flood still renders once per read. Never throws. It runs from the panel module (a
 * closed launcher streams nothing): StreamController below keeps only which answer is in flight.
 */
export async function streamAnswer(
  transport: ChatTransport,
  draft: ChatMessage,
  context: SendContext,
  words: ElementStrings,
  changed: () => void,
): Promise<Outcome> {
  const { signal } = context;
  const outcome: Outcome = {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sliceStart = performance.now();
  try {
    for await (const event of transport.send(draft.question ?? '', context)) {
      if (signal.aborted) break;
      const k = event.kind;
      if (k === 'status' && event.status === 'out_of_scope') draft.tone = 'warning';
      // Past the cap the view shows a note instead of more text: keeping it would only cost memory.
      if (k === 'text' && draft.text.length <= MAX_ANSWER) draft.text += event.content;
      if (k === 'faq') draft.faqs = event.results;
      if (k === 'template') draft.templates = [...draft.templates, event.template];
      if (k === 'error') outcome.failure = describeFailure(event.message, words);
      if (k === 'terminated') outcome.terminated = true;
      timer ||= setTimeout(() => {
        timer = undefined;
        changed();
      });
      // One network read can hold thousands of events: past a slice of work, let the browser paint and
      // handle input (and render what arrived) before reading on.
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve));
        sliceStart = performance.now();
      }
    }
  } catch (error) {
    if (!signal.aborted) outcome.failure = describeFailure(error, words);
  }
  clearTimeout(timer);
  return outcome;
}

/**
 * Streams one answer at a time into a draft message (with `streamAnswer` from the panel module). Asking
 * again, `stop()` and disconnecting abort the answer in flight, which keeps what arrived and reads as stopped
 * at once. When the panel module cannot load, the answer fails as offline: nothing could be asked.
 */
export class StreamController implements ReactiveController {
  #abort?: AbortController;
  #draft?: ChatMessage;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly words: ElementStrings },
    /** Loads the panel module (passed in: this module is part of it, the loader is not). */
    private readonly loadPanel: () => Promise<{ streamAnswer: typeof streamAnswer }>,
  ) {
    host.addController(this);
  }

  get busy(): boolean {
    return !!this.#abort;
  }

  hostDisconnected(): void {
    this.stop();
  }

  stop(): void {
    const draft = this.#draft;
    this.#abort?.abort();
    this.#abort = this.#draft = undefined;
    if (draft) {
      draft.state = 'stopped';
      draft.failure = this.host.words.stopped;
    }
    this.host.requestUpdate();
  }

  /** Streams the answer to `draft.question` into `draft`; never throws. */
  async run(transport: ChatTransport, draft: ChatMessage, context: Omit<SendContext, 'signal'>): Promise<Outcome> {
    this.stop();
    const abort = (this.#abort = new AbortController());
    const { signal } = abort;
    const { host } = this;
    this.#draft = draft;
    const outcome: Outcome = await this.loadPanel().then(
      (module) => module.streamAnswer(transport, draft, { ...context, signal }, host.words, () => host.requestUpdate()),
      () => ({ failure: { reason: 'offline', text: host.words.offline } }),
    );
    if (!signal.aborted) {
      this.#abort = this.#draft = undefined;
      draft.state = outcome.failure ? 'failed' : 'done';
      draft.failure = outcome.failure?.text;
    }
    host.requestUpdate();
    return outcome;
  }
}
