import { fixture, html } from '@open-wc/testing';
import { emulateMedia, executeServerCommand } from '@web/test-runner-commands';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import '../../../src/chat/mooni-frame.js';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import type { MooniEventMap } from '../../../src/chat/events.js';
import type { ChatFault } from '../../../src/mock/faults.js';
import { mockAdmin } from '../../support/mock-admin.js';

export { html };

export const DEMO_KEY = 'mooni_demo_key';

let counter = 0;
/** A session id no other test uses (the mock's state is shared by the whole run). */
export const uniqueSession = () =>
  `00000000-0000-4000-8000-${(Date.now() % 1e8).toString().padStart(8, '0')}${(++counter).toString().padStart(4, '0')}`;

/** Mounts an open `<mooni-frame>` talking to the mock on this origin, with a fresh session unless given. */
export async function mount(attributes: Record<string, string | boolean> = {}): Promise<MooniFrame> {
  await stillMotion();
  const attrs = { 'api-key': DEMO_KEY, 'session-id': uniqueSession(), open: true, ...attributes };
  const text = Object.entries(attrs)
    .filter(([, v]) => v !== false)
    .map(([k, v]) => (v === true ? k : `${k}="${String(v).replace(/"/g, '&quot;')}"`))
    .join(' ');
  const el = await fixture<MooniFrame>(staticHtml`<mooni-frame ${unsafeStatic(text)}></mooni-frame>`);
  await el.updateComplete;
  return el;
}

/**
 * Turns animations off (prefers-reduced-motion), so accessibility checks never catch a fade-in half way,
 * when contrast is not yet the final one.
 */
export const stillMotion = () => emulateMedia({ reducedMotion: 'reduce' });

export const $ = <T extends Element = HTMLElement>(el: MooniFrame, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: MooniFrame, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];

/** What the element's polite status regions (the panel's announcer, the launcher's unread count) say now. */
export const spoken = (el: MooniFrame) => $$(el, '[role="status"]').map((region) => region.textContent ?? '');

export const messages = (el: MooniFrame) => $$(el, 'article.msg');
export const lastMessage = (el: MooniFrame) => messages(el).at(-1)!;
export const byText = (el: MooniFrame, selector: string, text: string) =>
  $$(el, selector).find((e) => e.textContent!.trim() === text);

/** Resolves with the next `type` event the element fires. */
export function next<K extends keyof MooniEventMap>(
  el: HTMLElement,
  type: K,
  timeout = 5000,
): Promise<CustomEvent<MooniEventMap[K]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} within ${timeout} ms`)), timeout);
    el.addEventListener(type, (e) => (clearTimeout(timer), resolve(e as CustomEvent<MooniEventMap[K]>)), {
      once: true,
    });
  });
}

/** Resolves when the current answer ends, however it ends. */
export function settled(el: HTMLElement, timeout = 5000): Promise<string> {
  return Promise.race([
    next(el, 'mooni-answer', timeout).then(() => 'answer'),
    next(el, 'mooni-fail', timeout).then((e) => e.detail.reason),
  ]);
}

/** Types into the textbox and presses Send, as a user would. */
export async function typeAndSend(el: MooniFrame, text: string): Promise<void> {
  const input = $<HTMLTextAreaElement>(el, 'textarea')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'button[part="send-button"]')!.click();
}

/** Asks and waits for the answer to end; returns how it ended (`answer` or a fail reason). */
export async function ask(el: MooniFrame, text: string): Promise<string> {
  const done = settled(el);
  await typeAndSend(el, text);
  const how = await done;
  await el.updateComplete;
  return how;
}

/** Sets the mock's fault for the chat route. */
export const setFault = (chat: ChatFault) => mockAdmin.setFaults({ chat }).then(() => undefined);

export const clearFaults = () => mockAdmin.setFaults(null).then(() => undefined);

/**
 * `fetch` that lets each chunk of a response body through after `delayMs`, so a test can watch an answer
 * from the real mock arrive piece by piece (the test server streams without delays).
 */
export function slowFetch(delayMs: number): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init);
    if (!response.body || !response.headers.get('content-type')?.includes('event-stream')) return response;
    const reader = response.body.getReader();
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        // One SSE event per delay, so chunks cannot coalesce.
        for (const event of decoder.decode(value, { stream: true }).split(/(?<=\n\n)/)) {
          await new Promise((r) => setTimeout(r, delayMs));
          controller.enqueue(encoder.encode(event));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: response.status, headers: response.headers });
  };
}

/**
 * What a visitor sees of the viewport inside `rect` (CSS px), as RGBA bytes: a real screenshot from the engine
 * (test/support/screen-server.ts), decoded by the browser. `save` names the file kept when MOONI_SHOTS is set.
 */
export async function pictureOf(rect: DOMRect, save?: string): Promise<Uint8ClampedArray> {
  const { png } = await executeServerCommand<{ png: string }, { save?: string }>('screenshot', { save });
  const bytes = Uint8Array.from(atob(png), (character) => character.charCodeAt(0));
  const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
  const ratio = bitmap.width / innerWidth;
  const [x, y, width, height] = [rect.x, rect.y, rect.width, rect.height].map((value) => Math.round(value * ratio));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2d canvas');
  context.drawImage(bitmap, x, y, width, height, 0, 0, width, height);
  return context.getImageData(0, 0, width, height).data;
}
