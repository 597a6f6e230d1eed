/* Seeds a conversation through the chat's own history module, and times an element restoring it. */
const LOREM =
  'Thanks for asking. To change your **delivery address**, open *Orders*, pick the order and choose "Edit address". Changes are possible until the parcel ships; see [the help page](https://example.com/help) for details.';

window.benchSeed = async (sessionId, count) => {
  const start = Date.now() - count * 60000;
  const messages = Array.from({ length: count }, (_, i) => ({
    id: `${sessionId}-${i}`,
    role: i % 2 ? 'bot' : 'user',
    text: i % 2 ? `${LOREM} (${i})` : `How do I change my delivery address? (${i})`,
    templates: [],
    faqs:
      i % 10 === 1
        ? [
            { id: 'faq_1', title: 'Delivery times' },
            { id: 'faq_2', title: 'Returns' },
          ]
        : [],
    state: 'done',
    question: i % 2 ? `How do I change my delivery address? (${i - 1})` : undefined,
    createdAt: start + i * 60000,
  }));
  await window.benchHistory.saveConversation(sessionId, messages);
  const back = await window.benchHistory.loadConversation(sessionId);
  return back?.length ?? 0;
};

/**
 * Resolves with ms from creating the element to: the conversation restored (all `expected` messages in its
 * state and the newest one in its DOM — the element may render only the latest page of them), and the paint
 * after. Also how many messages it rendered.
 */
window.benchRestore = (sessionId, expected) =>
  new Promise((resolve, reject) => {
    const t0 = performance.now();
    const el = document.createElement('mooni-frame');
    el.setAttribute('mode', 'inline');
    el.setAttribute('session-id', sessionId);
    // Nothing but IndexedDB takes part: the tenant-name request answers at once.
    el.fetcher = async () => new Response('{}', { status: 404, headers: { 'Content-Type': 'application/json' } });
    el.style.cssText = 'display:block;height:100vh';
    document.body.append(el);
    const root = el.shadowRoot;
    const rendered = () => root.querySelectorAll('[part~="message"]');
    const newest = `(${expected - 1})`;
    const timer = setTimeout(
      () =>
        reject(new Error(`after 10 s: ${el.messages?.length} messages in the element, ${rendered().length} rendered`)),
      10000,
    );
    const check = () => {
      const shown = rendered();
      const done =
        expected === 0
          ? true
          : (el.messages?.length ?? 0) >= expected &&
            shown.length &&
            shown[shown.length - 1].textContent.includes(newest);
      if (!done) return;
      const dom = performance.now() - t0;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ dom, painted: performance.now() - t0, rendered: shown.length });
        channel.port2.postMessage(0);
      });
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    check();
  });
