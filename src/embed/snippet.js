// The Mooni pre-load snippet (README: "Calling Mooni before it has loaded"). Place it before the async
// mooni.iife.js tag, in a file of its own if the page has a strict Content-Security-Policy. Calls made before
// the bundle has loaded are queued in window.Mooni.q and run in order once it has.
(function (w) {
  var m = (w.Mooni = w.Mooni || {});
  m.q = m.q || [];
  [
    'open',
    'close',
    'toggle',
    'send',
    'say',
    'reset',
    'intervene',
    'on',
    'off',
    'onReady',
    'consent',
    'hideLauncher',
    'showLauncher',
    'identify',
  ].forEach(function (k) {
    m[k] =
      m[k] ||
      function () {
        m.q.push([k].concat([].slice.call(arguments)));
      };
  });
})(window);
