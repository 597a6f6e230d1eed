/* global Mooni -- the embed's global, queued by the snippet */
// Calls made before the async bundle has loaded: queued by the snippet, run in order once it has.
window.__moods = [];
Mooni.on('mood.changed', function (payload) {
  window.__moods.push(payload.mood);
});
Mooni.say('Queued before the bundle loaded');
