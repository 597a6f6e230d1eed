// Rebuilds the demo page (/index.html, as `npm start` serves it) inside this document, which carries the
// strict policy: the same head links and metas, the same body markup, the same scripts in the same order.
(async function () {
  var source = await (await fetch('/index.html')).text();
  var demo = new DOMParser().parseFromString(source, 'text/html');
  document.title = demo.title;
  document.documentElement.lang = demo.documentElement.lang;
  for (var node of demo.head.querySelectorAll('link, meta[name]'))
    document.head.append(document.importNode(node, true));
  var scripts = [...demo.body.querySelectorAll('script')];
  scripts.forEach(function (s) {
    s.remove();
  });
  document.body.replaceChildren.apply(
    document.body,
    [...demo.body.childNodes].map(function (n) {
      return document.importNode(n, true);
    }),
  );
  for (var original of scripts) {
    var script = document.createElement('script');
    for (var name of original.getAttributeNames()) script.setAttribute(name, original.getAttribute(name));
    if (original.textContent.trim()) script.textContent = original.textContent; // an inline script: the policy must block it
    script.async = false;
    document.body.append(script);
  }
  window.__hardening.demoLoaded = true;
})();
