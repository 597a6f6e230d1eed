/** One Server-Sent Event: its `data` lines joined by line breaks, and its `event` and `id` fields when sent. */
export interface ServerSentEvent {
  data: string;
  event?: string;
  id?: string;
}

/**
 * Splits `text/event-stream` text into events as it arrives, in time linear in the text: each chunk is
 * searched once for line ends (CR, LF or CRLF, even when a CRLF is split across two chunks), and an
 * unfinished line waits for the next chunk without being searched again. A leading byte-order mark is
 * dropped, comments (`:` lines) and unknown fields are ignored, an event without `data` is not dispatched.
 */
export class EventStreamParser {
  #line = '';
  #data?: string[];
  #event?: string;
  #id?: string;
  #afterCR = false;
  #started = false;

  /** The events that `chunk` completes. */
  push(chunk: string): ServerSentEvent[] {
    const out: ServerSentEvent[] = [];
    let start = 0;
    if (!this.#started && chunk) {
      this.#started = true;
      if (chunk.charCodeAt(0) === 0xfeff) start = 1;
    }
    if (this.#afterCR && chunk[start] === '\n') start++;
    this.#afterCR = false;
    for (let index = start; index < chunk.length; index++) {
      const code = chunk.charCodeAt(index);
      if (code !== 10 && code !== 13) continue;
      this.#take(this.#line + chunk.slice(start, index), out);
      this.#line = '';
      if (code === 13) {
        if (index + 1 === chunk.length) this.#afterCR = true;
        else if (chunk.charCodeAt(index + 1) === 10) index++;
      }
      start = index + 1;
    }
    if (start < chunk.length) this.#line += chunk.slice(start);
    return out;
  }

  #take(line: string, out: ServerSentEvent[]): void {
    if (!line) {
      if (this.#data) {
        const event: ServerSentEvent = { data: this.#data.join('\n') };
        if (this.#event !== undefined) event.event = this.#event;
        if (this.#id !== undefined) event.id = this.#id;
        out.push(event);
      }
      this.#data = this.#event = undefined;
      return;
    }
    const colon = line.indexOf(':');
    if (colon === 0) return;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(line[colon + 1] === ' ' ? colon + 2 : colon + 1);
    if (field === 'data') (this.#data ??= []).push(value);
    else if (field === 'event') this.#event = value;
    else if (field === 'id' && !value.includes('\0')) this.#id = value;
  }
}

/** Bytes decoded and split per step: a body that arrives in one huge read is still handled in short steps. */
const STEP = 65_536;

/**
 * The events of a `text/event-stream` response body as they arrive. Stops reading (and cancels the body)
 * when `signal` aborts or the consumer stops; an unfinished last event is dropped, as the standard says.
 */
export async function* readEvents(response: Response, signal?: AbortSignal): AsyncGenerator<ServerSentEvent> {
  const body = response.body;
  if (!body) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  try {
    for (;;) {
      if (signal?.aborted) return;
      const { done, value } = await reader.read();
      if (done) return;
      for (let offset = 0; offset < value.length; offset += STEP) {
        for (const event of parser.push(decoder.decode(value.subarray(offset, offset + STEP), { stream: true }))) {
          if (signal?.aborted) return;
          yield event;
        }
      }
    }
  } finally {
    reader.cancel().catch(() => {}); // the body is released whether it ended, failed or was left unread
  }
}
