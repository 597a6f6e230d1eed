/*
 * Stamps, in performance.now() time (0 = navigation start): `tag` just before the script tag, `armed` when
 * window.Mooni.tracker first exists, `launcher` in the first frame where the launcher button is rendered with
 * a size and visible (that frame is the one painted next).
 */
window.benchCold = {
  tag: NaN,
  armed: NaN,
  launcher: NaN,
  afterScript() {
    const check = () => {
      const now = performance.now();
      if (Number.isNaN(this.armed) && window.Mooni?.tracker) this.armed = now;
      const button = document.querySelector('mooni-frame')?.shadowRoot?.querySelector('[part~="launcher"]');
      if (Number.isNaN(this.launcher) && button) {
        const r = button.getBoundingClientRect();
        if (r.width > 0 && r.height > 0 && button.checkVisibility({ opacityProperty: true, visibilityProperty: true })) this.launcher = now;
      }
    };
    check();
    const frame = () => {
      check();
      if (Number.isNaN(this.launcher) || Number.isNaN(this.armed)) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  },
  get script() {
    const entry = performance.getEntriesByType('resource').find((e) => /\/dist\/(mooni|tracker)\.iife\.js$/.test(e.name));
    return entry ? { fetched: entry.responseEnd, size: entry.encodedBodySize } : null;
  },
};
