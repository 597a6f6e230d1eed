/*
 * Dispatches input events the way the browser would for each kind of input, in a tight loop timed with
 * performance.now(). The same loop runs on a page without the tracker; the difference is the tracker's cost.
 * Each counted "input event" is the whole sequence a real input produces:
 *   move   pointermove + mousemove (every 10th move crosses to another element: pointerout/over, mouseout/over)
 *   scroll wheel + scroll
 *   key    keydown + keyup in a text field
 *   click  pointerdown, mousedown, pointerup, mouseup, click on a button (consecutive clicks far apart: no rage)
 *   mix    70 % moves, 15 % scrolls, 10 % keys, 5 % clicks: a browsing session's proportions
 * The events are built once and re-dispatched, so allocation and GC stay out of the timed loop.
 */
(() => {
  const CYCLE = 1000;
  let sequences;
  const center = (el) => {
    const r = el.getBoundingClientRect();
    return { clientX: r.left + r.width / 2, clientY: r.top + r.height / 2 };
  };
  const pointer = (type, el, at, extra) => [
    el,
    new PointerEvent(type, {
      bubbles: true,
      cancelable: true,
      composed: true,
      pointerType: 'mouse',
      pointerId: 1,
      isPrimary: true,
      ...at,
      ...extra,
    }),
  ];
  const mouse = (type, el, at, extra) => [
    el,
    new MouseEvent(type, { bubbles: true, cancelable: true, composed: true, ...at, ...extra }),
  ];

  function build() {
    const buttons = [...document.querySelectorAll('#buttons button')];
    const plain = [...document.querySelectorAll('#text p, #buttons button, #buttons a')];
    const field = document.querySelector('#form input');
    let current = plain[0];
    const kinds = {
      move(i) {
        const out = [];
        if (i % 10 === 0) {
          const next = plain[(i / 10) % plain.length];
          const at = center(next);
          out.push(
            pointer('pointerout', current, at, { relatedTarget: next }),
            mouse('mouseout', current, at, { relatedTarget: next }),
          );
          out.push(
            pointer('pointerover', next, at, { relatedTarget: current }),
            mouse('mouseover', next, at, { relatedTarget: current }),
          );
          current = next;
        }
        const at = { clientX: 100 + (i % 500), clientY: 100 + (i % 300) };
        out.push(pointer('pointermove', current, at), mouse('mousemove', current, at));
        return out;
      },
      scroll(i) {
        return [
          [
            document.documentElement,
            new WheelEvent('wheel', { bubbles: true, cancelable: true, deltaY: i % 40 < 30 ? 40 : -40 }),
          ],
          [document, new Event('scroll', { bubbles: true })],
        ];
      },
      key() {
        return [
          [
            field,
            new KeyboardEvent('keydown', { bubbles: true, cancelable: true, composed: true, key: 'a', code: 'KeyA' }),
          ],
          [
            field,
            new KeyboardEvent('keyup', { bubbles: true, cancelable: true, composed: true, key: 'a', code: 'KeyA' }),
          ],
        ];
      },
      click(i) {
        const el = buttons[(i * 7) % buttons.length];
        const at = center(el);
        return [
          pointer('pointerdown', el, at, { buttons: 1 }),
          mouse('mousedown', el, at, { buttons: 1 }),
          pointer('pointerup', el, at),
          mouse('mouseup', el, at),
          mouse('click', el, at, { detail: 1 }),
        ];
      },
    };
    kinds.mix = (i) => {
      const r = i % 100;
      return r < 70 ? kinds.move(i) : r < 85 ? kinds.scroll(i) : r < 95 ? kinds.key(i) : kinds.click(i);
    };
    // One flat list per kind: [target, event, target, event, …, ends] where ends[i] is where input i stops.
    sequences = {};
    for (const kind of Object.keys(kinds)) {
      const flat = [];
      const ends = [];
      for (let i = 0; i < CYCLE; i++) {
        for (const [t, e] of kinds[kind](i)) flat.push(t, e);
        ends.push(flat.length);
      }
      sequences[kind] = { flat, ends };
    }
  }

  /** Runs `n` input events of `kind`; returns the elapsed milliseconds. */
  window.benchRun = (kind, n) => {
    if (!sequences) build();
    const { flat, ends } = sequences[kind];
    const full = Math.floor(n / CYCLE);
    const rest = ends[(n % CYCLE) - 1] ?? 0;
    // A short round (200 clicks take 2 ms) must not pay for collecting what the rounds before it left: a minor GC
    // landing in it adds several µs per click, on either page. Each round then pays only for its own garbage.
    window.gc?.();
    const t0 = performance.now();
    for (let c = 0; c < full; c++) for (let j = 0; j < flat.length; j += 2) flat[j].dispatchEvent(flat[j + 1]);
    for (let j = 0; j < rest; j += 2) flat[j].dispatchEvent(flat[j + 1]);
    return performance.now() - t0;
  };
})();
