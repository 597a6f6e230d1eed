// The Mooni pre-load snippet. Put it before the (async) mooni.iife.js tag: calls made before the bundle
// has loaded are queued in window.Mooni.q and run in order once it has. Options that are not strings go in
// window.Mooni.config. Kept in its own file so the page works under a strict Content-Security-Policy.
(function (w) {
  var m = (w.Mooni = w.Mooni || {});
  m.q = m.q || [];
  ['open', 'close', 'toggle', 'send', 'say', 'reset', 'intervene', 'on', 'off'].forEach(function (k) {
    m[k] =
      m[k] ||
      function () {
        m.q.push([k].concat([].slice.call(arguments)));
      };
  });

  // This shop's own settings: help topics for show_recommendations and the question the nudge offers.
  m.config = m.config || {
    recommendations: [
      { title: 'Payment problems', subtitle: 'Declined cards, 3-D Secure', question: 'Why did my payment fail?' },
      { title: 'Shipping', subtitle: 'Times and costs', question: 'How long does shipping take?' },
      { title: 'Returns', subtitle: '30 days, free', question: 'How do I return an order?' },
    ],
  };
})(window);
