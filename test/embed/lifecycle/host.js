// Loads the embed (its TypeScript entry, as a module) with the data-* options of this page's query string, after
// subscribing through the pre-load snippet's queue: window.readyCalls counts the onReady calls.
window.readyCalls = [];
window.Mooni.onReady(function (api) {
  window.readyCalls.push(api);
});
var script = document.createElement('script');
script.type = 'module';
script.src = '/src/embed/mooni-iife.ts';
var options = { 'api-key': 'mooni_demo_key', 'api-base': '', 'mood-key': 'sm_demo_key' };
new URLSearchParams(location.search).forEach(function (value, name) {
  options[name] = value;
});
Object.keys(options).forEach(function (name) {
  script.setAttribute('data-' + name, options[name]);
});
document.body.append(script);
