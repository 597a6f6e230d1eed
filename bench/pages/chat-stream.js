/*
 * Chunk→DOM latency. The element's `fetcher` is wrapped so the /chat request goes to the bench's fast SSE
 * route and its body passes through a stamping stream: each `w<i> ` chunk gets the time its bytes reached
 * the page. A MutationObserver on the shadow root stamps when each index first shows in the answer's bubble.
 */
/*
 * Frame clock: a rAF loop whose callback posts a message; that message's task runs once the frame's
 * rendering (style, layout, paint) is done. Every chunk that reached the DOM before it was in that frame:
 * its paint stamp is that task's time. The same clock serves the element and the bare-text floor.
 */
const frameClock = (() => {
  const waiting = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const t = performance.now();
    for (const stamp of waiting.splice(0)) stamp(t);
  };
  const loop = () => {
    channel.port2.postMessage(0);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  return { afterPaint: (stamp) => waiting.push(stamp) };
})();

/** Stamps `dom[i]` and, after the frame that shows them, `paint[i]` for indices seen+1..last. */
const stamper = (chunks) => {
  const arrival = new Float64Array(chunks).fill(NaN);
  const dom = new Float64Array(chunks).fill(NaN);
  const paint = new Float64Array(chunks).fill(NaN);
  let seen = -1;
  return {
    arrival,
    get seen() {
      return seen;
    },
    shown(text) {
      const t = performance.now();
      const m = /w(\d+)\s*$/.exec(text);
      if (!m) return;
      const from = seen + 1;
      const last = Math.min(+m[1], chunks - 1);
      if (last < from) return;
      for (let i = from; i <= last; i++) dom[i] = t;
      seen = last;
      frameClock.afterPaint((p) => {
        for (let i = from; i <= last; i++) paint[i] = p;
      });
    },
    result: () => ({ arrival: Array.from(arrival), dom: Array.from(dom), paint: Array.from(paint) }),
  };
};

/** The response with its body passed through a stream that stamps when each `w<i> ` chunk's bytes arrived. */
const stampArrivals = (res, arrival) => {
  const decoder = new TextDecoder();
  let tail = '';
  const stamp = new TransformStream({
    transform(chunk, out) {
      const t = performance.now();
      const text = tail + decoder.decode(chunk, { stream: true });
      const cut = text.lastIndexOf('\n') + 1;
      tail = text.slice(cut);
      for (const m of text.slice(0, cut).matchAll(/"content":"w(\d+) "/g)) arrival[+m[1]] = t;
      out.enqueue(chunk);
    },
  });
  return new Response(res.body.pipeThrough(stamp), {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
  });
};

window.benchStream = ({ chunks, rate }) =>
  new Promise((resolve, reject) => {
    const el = document.querySelector('mooni-frame');
    const stamps = stamper(chunks);
    const { arrival } = stamps;
    el.fetcher = (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input), location.href);
      if (url.pathname !== '/chat') return fetch(input, init);
      return fetch(`/bench/stream?chunks=${chunks}&rate=${rate}`, {
        method: 'POST',
        body: init?.body,
        headers: init?.headers,
        signal: init?.signal,
      }).then((res) => stampArrivals(res, arrival));
    };
    const root = el.shadowRoot;
    const observer = new MutationObserver(() => {
      const bubbles = root.querySelectorAll('[part~="bot-message"] .bubble');
      stamps.shown(bubbles[bubbles.length - 1]?.textContent ?? '');
    });
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    const finish = (failure) => {
      observer.disconnect();
      clearTimeout(timer);
      if (failure) return reject(new Error(failure));
      setTimeout(() => resolve(stamps.result()), 50);
    };
    const timer = setTimeout(() => finish(stamps.seen >= 0 ? null : 'no chunk reached the DOM within 60 s'), 60000);
    el.addEventListener(
      'mooni-answer',
      () =>
        setTimeout(
          () =>
            finish(
              stamps.seen === chunks - 1
                ? null
                : `the answer finished with ${stamps.seen + 1} of ${chunks} chunks shown`,
            ),
          50,
        ),
      { once: true },
    );
    el.addEventListener('mooni-fail', (e) => finish(`the element reported a failure: ${JSON.stringify(e.detail)}`), {
      once: true,
    });
    // A new fetcher takes effect at the element's next update.
    el.updateComplete.then(() => el.send('benchmark question'));
  });

/*
 * The peer: deep-chat reading the same paced stream as a streaming connection (its own SSE client over
 * `fetch`), each event mapped to its `{ text }` shape by its response interceptor. Arrival is stamped in a
 * wrapper of the page's `fetch`, which its SSE client uses; the DOM time when the index first shows in its last
 * AI message.
 */
window.benchDeepChatStream = ({ chunks, rate }) =>
  new Promise((resolve, reject) => {
    const chat = document.querySelector('deep-chat');
    const stamps = stamper(chunks);
    const { arrival } = stamps;
    const pageFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = new URL(String(input instanceof Request ? input.url : input), location.href);
      if (url.pathname !== '/bench/stream') return pageFetch(input, init);
      return pageFetch(input, init).then((res) => stampArrivals(res, arrival));
    };
    chat.connect = { url: `/bench/stream?chunks=${chunks}&rate=${rate}`, method: 'POST', stream: true };
    chat.responseInterceptor = (event) => ({ text: event.type === 'text' ? event.content : '' });
    const observer = new MutationObserver(() => {
      const answers = chat.shadowRoot.querySelectorAll('.ai-message-text');
      stamps.shown(answers[answers.length - 1]?.textContent ?? '');
      if (stamps.seen === chunks - 1) finish();
    });
    const finish = (failure) => {
      observer.disconnect();
      clearTimeout(timer);
      if (failure) return reject(new Error(failure));
      setTimeout(() => resolve(stamps.result()), 50);
    };
    const timer = setTimeout(
      () => finish(`deep-chat showed ${stamps.seen + 1} of ${chunks} chunks within 60 s`),
      60000,
    );
    customElements.whenDefined('deep-chat').then(() =>
      setTimeout(() => {
        observer.observe(chat.shadowRoot, { childList: true, subtree: true, characterData: true });
        chat.submitUserMessage({ text: 'benchmark question' });
      }, 200),
    );
  });

/*
 * The floor on this machine: the same stream read by a plain fetch reader that appends each chunk's text to
 * one text node as it arrives, stamped the same way (arrival in the reader, MutationObserver for the DOM).
 */
window.benchBareStream = async ({ chunks, rate }) => {
  const stamps = stamper(chunks);
  const { arrival } = stamps;
  const node = document.createTextNode('');
  const p = document.createElement('p');
  p.append(node);
  document.body.append(p);
  const observer = new MutationObserver(() => stamps.shown(node.data));
  observer.observe(p, { characterData: true, subtree: true });
  const res = await fetch(`/bench/stream?chunks=${chunks}&rate=${rate}`, { method: 'POST' });
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let tail = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    const t = performance.now();
    const text = tail + value;
    const cut = text.lastIndexOf('\n') + 1;
    tail = text.slice(cut);
    let add = '';
    for (const m of text.slice(0, cut).matchAll(/"content":"(w(\d+) )"/g)) {
      arrival[+m[2]] = t;
      add += m[1];
    }
    if (add) node.data += add;
  }
  await new Promise((r) => setTimeout(r, 60));
  observer.disconnect();
  p.remove();
  return stamps.result();
};
