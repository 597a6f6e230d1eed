/* Shared by the bench pages: fills the scripted shop page and loads the tracker bundle when asked. */
window.benchKit = {
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
