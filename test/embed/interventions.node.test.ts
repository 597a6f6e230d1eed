import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideIntervention, type InterventionState } from '../../src/embed/interventions.js';

const calm: InterventionState = {
  now: 1_000_000,
  cooldownMs: 180_000,
  enabled: true,
  userClosedChat: false,
  typingRecently: false,
  chatOpen: false,
};

test('each suggested action maps to its intervention', () => {
  assert.deepEqual(decideIntervention('show_live_chat', calm), { intervention: 'open_chat' });
  assert.deepEqual(decideIntervention('show_tooltip', calm), { intervention: 'nudge' });
  assert.deepEqual(decideIntervention('show_recommendations', calm), { intervention: 'recommendations' });
  assert.deepEqual(decideIntervention('show_exit_offer', calm), { intervention: 'exit_offer' });
  assert.deepEqual(decideIntervention('no_action', calm), { intervention: null, reason: 'no_action' });
});

test('an unknown action from a newer API does nothing', () => {
  assert.equal(decideIntervention('show_discount' as never, calm).intervention, null);
});

test('at most one intervention per cooldown', () => {
  const recent = { ...calm, lastInterventionAt: calm.now - 179_999 };
  assert.deepEqual(decideIntervention('show_tooltip', recent), { intervention: null, reason: 'cooldown' });
  const over = { ...calm, lastInterventionAt: calm.now - 180_000 };
  assert.equal(decideIntervention('show_tooltip', over).intervention, 'nudge');
  const noCooldown = { ...calm, cooldownMs: 0, lastInterventionAt: calm.now };
  assert.equal(decideIntervention('show_live_chat', noCooldown).intervention, 'open_chat');
});

test('never while the user is typing', () => {
  for (const action of ['show_live_chat', 'show_tooltip', 'show_recommendations', 'show_exit_offer'] as const) {
    assert.deepEqual(decideIntervention(action, { ...calm, typingRecently: true }), {
      intervention: null,
      reason: 'typing',
    });
  }
});

test('never re-opens a chat the user closed, but may still show the nudge', () => {
  const closed = { ...calm, userClosedChat: true };
  for (const action of ['show_live_chat', 'show_recommendations', 'show_exit_offer'] as const) {
    assert.deepEqual(decideIntervention(action, closed), { intervention: null, reason: 'user_closed_chat' });
  }
  assert.equal(decideIntervention('show_tooltip', closed).intervention, 'nudge');
});

test('an open chat is not opened again nor nudged towards, but may receive cards', () => {
  const open = { ...calm, chatOpen: true };
  assert.deepEqual(decideIntervention('show_live_chat', open), { intervention: null, reason: 'chat_open' });
  assert.deepEqual(decideIntervention('show_tooltip', open), { intervention: null, reason: 'chat_open' });
  assert.equal(decideIntervention('show_recommendations', open).intervention, 'recommendations');
  assert.equal(decideIntervention('show_exit_offer', { ...open, userClosedChat: true }).intervention, 'exit_offer');
});

test('data-interventions="off" holds every action back', () => {
  assert.deepEqual(decideIntervention('show_live_chat', { ...calm, enabled: false }), {
    intervention: null,
    reason: 'disabled',
  });
});
