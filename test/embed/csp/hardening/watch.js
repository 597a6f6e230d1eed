// Loaded first by every page in this folder: records each Content-Security-Policy violation, uncaught error
// and unhandled rejection, for the test in the parent window to read (window.__hardening) and as messages.
(function () {
  var state = (window.__hardening = { violations: [], errors: [] });
  document.addEventListener('securitypolicyviolation', function (e) {
    var v = {
      directive: e.effectiveDirective || e.violatedDirective,
      blockedURI: e.blockedURI,
      source: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    };
    state.violations.push(v);
    if (window.parent !== window) window.parent.postMessage({ hardeningViolation: v }, location.origin);
  });
  window.addEventListener('error', function (e) {
    state.errors.push('error: ' + e.message);
  });
  window.addEventListener('unhandledrejection', function (e) {
    state.errors.push('unhandledrejection: ' + String(e.reason && e.reason.stack ? e.reason.stack : e.reason));
  });
})();
