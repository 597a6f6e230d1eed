/* global webVitals -- web-vitals' IIFE build, loaded before this file (host-impact.html) */
/*
 * What a host page feels of an embed, from the page itself: total blocking time (the long tasks' time past 50 ms,
 * from navigation on), cumulative layout shift (web-vitals onCLS) and the interactions' latencies (Event Timing
 * entries grouped by interaction, the way web-vitals' onINP counts them; its INP value is kept beside them).
 * ?embed=mooni adds dist/mooni.iife.js with the demo keys against the bench server's mock; ?embed=deep-chat adds
 * deep-chat's bundle with one <deep-chat> in demo mode, fixed in the corner as a chat widget sits; none adds nothing.
 */
(() => {
  const seen = { longTasks: [], interactions: new Map(), cls: 0, inp: 0 };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId) continue;
      seen.interactions.set(
        entry.interactionId,
        Math.max(seen.interactions.get(entry.interactionId) ?? 0, entry.duration),
      );
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  webVitals.onCLS((metric) => (seen.cls = metric.value), { reportAllChanges: true });
  webVitals.onINP((metric) => (seen.inp = metric.value), { reportAllChanges: true, durationThreshold: 16 });

  window.benchHost = {
    addEmbed() {
      const embed = new URLSearchParams(location.search).get('embed');
      if (embed === 'mooni') {
        const s = document.createElement('script');
        s.src = '/dist/mooni.iife.js';
        Object.assign(s.dataset, { apiKey: 'mooni_demo_key', apiBase: '', moodKey: 'sm_demo_key', moodBase: '' });
        s.async = false;
        document.body.append(s);
      } else if (embed === 'deep-chat') {
        const s = document.createElement('script');
        s.type = 'module';
        s.src = '/bench/peers/deep-chat.js';
        document.body.append(s);
        const chat = document.createElement('deep-chat');
        chat.setAttribute('demo', 'true');
        chat.style.cssText = 'position:fixed;right:16px;bottom:16px;width:320px;height:420px;z-index:10';
        document.body.append(chat);
      }
    },
    /** What the page saw so far: `latencies` has only the interactions of 16 ms or more (the browser reports no shorter). */
    read() {
      const latencies = [...seen.interactions.values()].sort((a, b) => a - b);
      return {
        tbt: seen.longTasks.reduce((sum, duration) => sum + Math.max(0, duration - 50), 0),
        cls: seen.cls,
        inp: seen.inp,
        latencies,
      };
    },
  };
})();
