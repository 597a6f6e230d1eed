import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanUrl, privacySignal } from '../../src/tracker/lib/privacy.js';
import { uuid } from '../../src/tracker/lib/session.js';

test('URLs lose query string and fragment by default', () => {
  assert.equal(cleanUrl('https://shop.example/cart?email=a@b.c&token=x#pay', true), 'https://shop.example/cart');
  assert.equal(cleanUrl('https://shop.example/a#b?c', true), 'https://shop.example/a');
  assert.equal(cleanUrl('https://shop.example/?q=1', true), 'https://shop.example/');
  assert.equal(cleanUrl('https://shop.example/cart?x=1#y', false), 'https://shop.example/cart?x=1#y');
  assert.equal(cleanUrl('https://a.example/' + 'p'.repeat(5000), true).length, 2048);
});

test('GPC and DNT are privacy signals; their absence is not', () => {
  assert.equal(privacySignal({ globalPrivacyControl: true }), true);
  assert.equal(privacySignal({ doNotTrack: '1' }), true);
  assert.equal(privacySignal({ globalPrivacyControl: false, doNotTrack: '0' }), false);
  assert.equal(privacySignal({ doNotTrack: 'unspecified' }), false);
  assert.equal(privacySignal({}), false);
});

test('session ids are v4 UUIDs, also without crypto.randomUUID (insecure contexts: blob URL UUIDs)', () => {
  const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  assert.match(uuid(), v4);
  const original = crypto.randomUUID;
  Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true, writable: true });
  try {
    const ids = new Set(Array.from({ length: 200 }, uuid));
    assert.equal(ids.size, 200);
    for (const id of ids) assert.match(id, v4);
  } finally {
    Object.defineProperty(crypto, 'randomUUID', { value: original, configurable: true, writable: true });
  }
});
