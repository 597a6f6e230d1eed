// Breaks the strict policy in the ways a regression in our code could: a style attribute set as a string,
// an inline script, eval, an off-origin request. Each must be reported as a violation.
document.body.setAttribute('style', 'color: red');
var inline = document.createElement('script');
inline.textContent = 'window.__inlineRan = true';
document.body.append(inline);
try {
  eval('1');
} catch {
  window.__evalBlocked = true;
}
fetch('https://example.invalid/collect').catch(function () {});
