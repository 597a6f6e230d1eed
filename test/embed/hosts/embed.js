// How each host page adds the embed: one script tag with data-* options, as a site (or its tag manager) does.
// The page's query string adds or overrides options (`?cooldown=0`), so a test chooses them per visit.
// A module script because the test server serves the embed's TypeScript source (the IIFE runs the same entry).
// The page also keeps the hooks it heard, as an integrator listening to `mooni:*` would.
(function () {
  var heard = (window.hostHooks = []);
  ['action.suggested', 'session.mood_changed', 'action.feedback'].forEach(function (type) {
    addEventListener('mooni:' + type, function (event) {
      heard.push({ type: type, detail: event.detail, at: performance.now() });
    });
  });
  var data = { 'api-key': 'mooni_demo_key', 'api-base': '', 'mood-key': 'sm_demo_key' };
  new URLSearchParams(location.search).forEach(function (value, name) {
    data[name] = value;
  });
  var script = document.createElement('script');
  script.type = 'module';
  script.src = '/src/embed/mooni-iife.ts';
  Object.keys(data).forEach(function (name) {
    script.setAttribute('data-' + name, data[name]);
  });
  document.head.append(script);
})();
