/*
 * Stamps, in performance.now() time (0 = navigation start): `tag` just before the script tag; `armed` when
 * window.Mooni.tracker first exists (checked right after the script ran, then every frame); `launcher` at the
 * end of the first frame that renders the launcher button with a size and visible (a task posted from that
 * frame's rAF runs once the frame is painted).
 */
window.benchCold = {
  tag: NaN,
  armed: NaN,
  launcher: NaN,
  afterScript() {
    const found = () => {
      const button = document.querySelector('mooni-frame')?.shadowRoot?.querySelector('[part~="launcher"]');
      if (!button) return false;
      const r = button.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && button.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    };
    const channel = new MessageChannel();
    channel.port1.onmessage = () => (this.launcher = performance.now());
    const frame = () => {
      if (Number.isNaN(this.armed) && window.Mooni?.tracker) this.armed = performance.now();
      if (found()) channel.port2.postMessage(0);
      else requestAnimationFrame(frame);
    };
    if (window.Mooni?.tracker) this.armed = performance.now();
    requestAnimationFrame(frame);
  },
  get script() {
    const entry = performance
      .getEntriesByType('resource')
      .find((e) => /\/dist\/(mooni|tracker)\.iife\.js$/.test(e.name));
    return entry ? { fetched: entry.responseEnd, size: entry.encodedBodySize } : null;
  },
};
