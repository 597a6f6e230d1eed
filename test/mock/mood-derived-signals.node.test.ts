import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MOOD_KEY, uniqueId, useMockServer } from './server.js';

const server = useMockServer();
const auth = { 'X-Api-Key': MOOD_KEY };
const post = (id: string, events: unknown[]) =>
  server.postJson(`/v1/sessions/${encodeURIComponent(id)}/events`, { events }, auth);
const moodOf = async (id: string) =>
  (await server.request(`/v1/sessions/${encodeURIComponent(id)}/mood`, { headers: auth })).json();

const start = 1_746_352_800;
const checkout = { type: 'page_view', url: 'https://shop.example/checkout', ts: start };

describe('derived signals on the wire (README: "Derived signals")', () => {
  test('dead clicks sent as click + signal read frustrated; the same clicks without it do not', async () => {
    const clicks = [1, 3, 5].map((s) => ({ type: 'click', x: 10, y: 10, ts: start + s }));
    const derived = uniqueId('dead');
    assert.equal((await post(derived, [checkout, ...clicks.map((c) => ({ ...c, signal: 'dead_click' }))])).status, 200);
    const reading = await moodOf(derived);
    assert.equal(reading.mood, 'frustrated');
    assert.ok(reading.signals.includes('dead_clicks'));
    const plain = uniqueId('plain');
    await post(plain, [checkout, ...clicks]);
    assert.notEqual((await moodOf(plain)).mood, 'frustrated');
  });

  test('an unknown or misplaced signal is an ignored extra field, not a 400', async () => {
    const id = uniqueId('odd');
    const response = await post(id, [
      checkout,
      { type: 'click', ts: start + 1, signal: 'teleport' },
      { type: 'click', ts: start + 2, signal: 'quick_back' },
      { type: 'click', ts: start + 3, signal: 7 },
    ]);
    assert.equal(response.status, 200);
    assert.equal((await moodOf(id)).mood, 'decisive');
  });

  test('reloading one URL three times is not browsing', async () => {
    const id = uniqueId('reload');
    await post(
      id,
      [0, 4, 8, 12].map((s) => ({ type: 'page_view', url: 'https://shop.example/', ts: start + s })),
    );
    const reading = await moodOf(id);
    assert.notEqual(reading.mood, 'browsing');
    assert.equal(reading.suggested_action, 'no_action');
  });
});
