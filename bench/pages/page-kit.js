/* Shared by the bench pages: fills the scripted shop page and loads the tracker bundle when asked. */
window.benchKit = {
  /** The shop page's frame (header, product grid, form, text, footer), for a page whose body has none. */
  buildShop() {
    document.body.insertAdjacentHTML(
      'afterbegin',
      '<header><h1>Shop</h1></header><main><div class="grid" id="buttons"></div><form id="form"></form>' +
        '<section id="text"></section></main><footer>Footer</footer>',
    );
    this.fillShop();
  },
  fillShop() {
    const buttons = document.getElementById('buttons');
    for (let i = 0; i < 40; i++) {
      const el = document.createElement(i % 5 === 4 ? 'a' : 'button');
      el.textContent = `Item ${i}`;
      if (el.tagName === 'A') el.href = '#item-' + i;
      else el.type = 'button';
      buttons.append(el);
    }
    const form = document.getElementById('form');
    for (const name of ['Name', 'Email', 'Address', 'City', 'Postcode', 'Notes']) {
      const label = document.createElement('label');
      label.textContent = name + ' ';
      const input = document.createElement('input');
      input.name = name.toLowerCase();
      label.append(input);
      form.append(label);
    }
    const text = document.getElementById('text');
    for (let i = 0; i < 60; i++) {
      const p = document.createElement('p');
      p.textContent =
        'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. '.repeat(
          3,
        );
      text.append(p);
    }
  },
  /**
   * ?peer=posthog adds posthog-js (autocapture, rage clicks, page views; no session recording) and ?peer=clarity
   * Microsoft Clarity's clarity-js (tracking and content on), both sending to the bench server's sink.
   */
  loadPeerFromQuery() {
    const peer = new URLSearchParams(location.search).get('peer');
    const sink = `${location.origin}/bench/sink/${peer}`;
    const s = document.createElement('script');
    s.async = false;
    if (peer === 'posthog') {
      s.onload = () =>
        window.posthog.init('phc_bench', {
          api_host: sink,
          autocapture: true,
          rageclick: true,
          capture_pageview: true,
          disable_session_recording: true,
          advanced_disable_flags: true,
          // Headless Chromium's user agent reads as a bot, whose events PostHog drops before doing their work.
          opt_out_useragent_filter: true,
          loaded: () => (window.benchPeerReady = true),
        });
    } else if (peer === 'clarity') {
      window.clarity = function clarity() {
        (window.clarity.q = window.clarity.q || []).push(arguments);
      };
      window.clarity('start', { projectId: 'bench', upload: sink, track: true, content: true });
      s.onload = () => (window.benchPeerReady = true);
    } else return;
    s.src = `/bench/peers/${peer}.js`;
    document.body.append(s);
  },
  /** ?tracker=1 adds dist/tracker.iife.js with the demo SessionMood key against the same origin's mock. */
  loadTrackerFromQuery() {
    if (new URLSearchParams(location.search).get('tracker') !== '1') return;
    const s = document.createElement('script');
    s.src = '/dist/tracker.iife.js';
    s.dataset.moodKey = 'sm_demo_key';
    s.dataset.moodBase = location.origin;
    s.async = false;
    document.body.append(s);
  },
};
