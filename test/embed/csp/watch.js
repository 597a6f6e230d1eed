// Records what the page's strict policy blocks and any uncaught error, for the test in the parent frame.
window.__watch = { violations: [], errors: [] };
document.addEventListener('securitypolicyviolation', function (e) {
  window.__watch.violations.push(e.violatedDirective + ' ' + e.blockedURI);
});
addEventListener('error', function (e) {
  window.__watch.errors.push(String(e.message));
});
