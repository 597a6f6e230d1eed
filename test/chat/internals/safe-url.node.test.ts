import { test } from 'node:test';
import assert from 'node:assert/strict';
import { safeHttpUrl, safeImageUrl } from '../../../src/chat/safe-url.js';

test('accepts absolute http(s) URLs and returns the normalised href', () => {
  assert.equal(safeHttpUrl('https://example.com'), 'https://example.com/');
  assert.equal(safeHttpUrl('http://example.com/a b'.replace(' ', '%20')), 'http://example.com/a%20b');
  assert.equal(safeHttpUrl('HtTpS://Example.COM/Path?q=1#x'), 'https://example.com/Path?q=1#x');
  assert.equal(safeHttpUrl('https://example.com:8443/x'), 'https://example.com:8443/x');
  assert.equal(safeHttpUrl('https://[::1]/'), 'https://[::1]/');
  assert.equal(safeHttpUrl('https://bücher.example/'), 'https://xn--bcher-kva.example/');
  assert.equal(safeHttpUrl('https://example.com/?a=<b>'), 'https://example.com/?a=%3Cb%3E');
  assert.equal(safeHttpUrl('https://example.com/&amp;x'), 'https://example.com/&amp;x');
});

test('accepts mailto only when allowed', () => {
  assert.equal(safeHttpUrl('mailto:help@example.com'), undefined);
  assert.equal(safeHttpUrl('mailto:help@example.com', { allowMailto: true }), 'mailto:help@example.com');
  assert.equal(
    safeHttpUrl('MAILTO:help@example.com?subject=Hi', { allowMailto: true }),
    'mailto:help@example.com?subject=Hi',
  );
  assert.equal(safeHttpUrl('mailto:', { allowMailto: true }), undefined);
  assert.equal(safeHttpUrl('mailto://evil.com', { allowMailto: true }), undefined);
});

const hostile: unknown[] = [
  // not strings
  undefined,
  null,
  42,
  true,
  {},
  [],
  ['https://example.com'],
  { href: 'https://example.com' },
  { toString: () => 'https://example.com' },
  new URL('https://example.com'),
  // other schemes
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'javascript://example.com/%0aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2Zz4=',
  'DATA:text/html,x',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.com/uuid',
  'ftp://example.com/',
  'ws://example.com/',
  'wss://example.com/',
  'about:blank',
  'chrome://settings',
  'intent://x#Intent;end',
  'tel:+123',
  'sms:+123',
  'mailto:a@b.c',
  'filesystem:https://example.com/temporary/x',
  // relative and protocol-relative
  '//evil.com',
  '///evil.com',
  '/path',
  'path/file.html',
  './x',
  '../x',
  '?q',
  '#frag',
  '',
  ' ',
  '\\\\evil.com',
  '/\\evil.com',
  // scheme without // (the URL parser would still accept these for special schemes)
  'https:evil.com',
  'http:/evil.com',
  'https:\\\\evil.com',
  'http:\\/evil.com',
  // whitespace and control characters, leading, trailing and embedded
  ' https://example.com',
  'https://example.com ',
  '\thttps://example.com',
  'https://example.com\n',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'java\rscript:alert(1)',
  'ht\ttps://example.com',
  'htt\nps://example.com',
  'https://exa mple.com',
  '\u0000https://example.com',
  'https://example.com/\u0000',
  '\u0001javascript:alert(1)',
  'https://example.com/\u007f',
  '\u00a0https://example.com',
  '\ufeffhttps://example.com',
  'https://example.com/\u2028',
  '\u200bhttps://example.com',
  'https://exa\u200bmple.com',
  'https://example.com/\u0085',
  // HTML entities and percent-encoding in the scheme
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'https&#58;//example.com',
  'https&colon;//example.com',
  '%6Aavascript:alert(1)',
  'javascript%3Aalert(1)',
  'https%3A%2F%2Fexample.com',
  'http%3A//example.com',
  '%68ttps://example.com',
  // credentials and missing hosts
  'https://user:pass@example.com/',
  'https://trusted.com@evil.com/',
  'https://@evil.com',
  'https://',
  'http://',
  'https:///path',
  'https://:443',
  // junk
  'https://evil.com\\@trusted.com',
  'https://exa<mple.com',
  'https://%zz',
  'https://a'.padEnd(5000, 'a'),
];

test('rejects a long list of hostile and invalid inputs', () => {
  for (const raw of hostile) {
    assert.equal(safeHttpUrl(raw), undefined, `should reject ${JSON.stringify(String(raw))}`);
    if (typeof raw === 'string' && !/^mailto:[^/]/i.test(raw)) {
      assert.equal(
        safeHttpUrl(raw, { allowMailto: true }),
        undefined,
        `should reject (mailto allowed) ${JSON.stringify(raw)}`,
      );
    }
  }
});

test('never returns anything but an http(s) or mailto href', () => {
  const samples = [
    'https://example.com/%0d%0a',
    'https://example.com/javascript:alert(1)',
    'https://example.com/"onmouseover="x',
  ];
  for (const raw of samples) {
    const out = safeHttpUrl(raw, { allowMailto: true });
    assert.ok(out === undefined || /^https?:\/\/[^\s"<>]+$/.test(out), `${raw} → ${out}`);
  }
  assert.equal(safeHttpUrl('https://example.com/"x"'), 'https://example.com/%22x%22');
});

test('safeImageUrl: pictures by policy, never http: on an https page', () => {
  assert.equal(safeImageUrl('http://cdn.example.com/a.png', 'https:'), undefined);
  assert.equal(safeImageUrl('https://cdn.example.com/a.png', 'https:'), 'https://cdn.example.com/a.png');
  assert.equal(safeImageUrl('http://cdn.example.com/a.png', 'http:'), 'http://cdn.example.com/a.png');
  assert.equal(safeImageUrl('HTTP://cdn.example.com/a.png', 'https:'), undefined);
  for (const url of ['data:image/png;base64,AAAA', 'mailto:a@example.com', 'javascript:1', '//cdn.example.com/a.png'])
    assert.equal(safeImageUrl(url, 'http:'), undefined, url);
});
