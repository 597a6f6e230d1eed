import type { RealtimeHub } from './hub.js';

/** `WebSocket.readyState` values. */
const CONNECTING = 0;
const OPEN = 1;
const CLOSED = 3;

/**
 * A WebSocket look-alike wired to `hub` inside the page (the static demo, which has no server): frames go
 * through the same hub code as on the Node host, a task apart in each direction, as over a network.
 */
export function createInPageWebSocket(hub: RealtimeHub) {
  return class InPageWebSocket {
    readyState = CONNECTING;
    onopen: ((event: Event) => void) | null = null;
    onmessage: ((event: MessageEvent) => void) | null = null;
    onclose: ((event: CloseEvent) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    #receive: (text: string) => void = () => {};
    #closed: () => void = () => {};

    constructor(url: string) {
      setTimeout(() => {
        if (this.readyState !== CONNECTING) return;
        this.readyState = OPEN;
        this.onopen?.(new Event('open'));
        const connection = hub.connect(new URL(url, location.href), {
          send: (text) =>
            setTimeout(() => this.readyState === OPEN && this.onmessage?.(new MessageEvent('message', { data: text }))),
          close: (code, reason) => setTimeout(() => this.#finish(code, reason)),
        });
        this.#receive = connection.receive;
        this.#closed = connection.closed;
      });
    }

    send(data: string): void {
      if (this.readyState !== OPEN) throw new DOMException('The socket is not open.', 'InvalidStateError');
      setTimeout(() => this.#receive(String(data)));
    }

    close(code = 1000, reason = ''): void {
      setTimeout(() => this.#finish(code, reason));
    }

    #finish(code: number, reason: string) {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      this.#closed();
      this.onclose?.(new CloseEvent('close', { code, reason, wasClean: true }));
    }
  };
}
