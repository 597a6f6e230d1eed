import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_CAP,
  appearsByItself,
  decideIntervention,
  inHoldout,
  type InterventionState,
} from '../../src/embed/interventions.js';

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
  // The exit offer is a bubble that leads to the chat: with the chat open there is nothing to offer.
  assert.deepEqual(decideIntervention('show_exit_offer', open), { intervention: null, reason: 'chat_open' });
  assert.equal(decideIntervention('show_recommendations', open).intervention, 'recommendations');
  assert.equal(
    decideIntervention('show_recommendations', { ...open, userClosedChat: true }).intervention,
    'recommendations',
  );
});

test('data-interventions="off" holds every action back', () => {
  assert.deepEqual(decideIntervention('show_live_chat', { ...calm, enabled: false }), {
    intervention: null,
    reason: 'disabled',
  });
});

test('on a compact screen (≤ 480 px or a coarse pointer) opening the chat becomes the nudge', () => {
  const compact = { ...calm, compactScreen: true };
  assert.deepEqual(decideIntervention('show_live_chat', compact), { intervention: 'nudge' });
  for (const action of ['show_tooltip', 'show_recommendations', 'show_exit_offer'] as const)
    assert.deepEqual(decideIntervention(action, compact), decideIntervention(action, calm));
});

test('only frustration opens the panel by default; browsing only adds cards that wait in the chat', () => {
  const kinds = (['show_live_chat', 'show_tooltip', 'show_recommendations', 'show_exit_offer'] as const).map(
    (action) => decideIntervention(action, calm).intervention,
  );
  assert.deepEqual(
    kinds.filter((kind) => kind === 'open_chat'),
    ['open_chat'],
  );
  assert.equal(appearsByItself('recommendations'), false);
  for (const kind of ['open_chat', 'nudge', 'exit_offer'] as const) assert.equal(appearsByItself(kind), true);
  const waiting = { ...calm, cardsWaiting: true };
  assert.deepEqual(decideIntervention('show_recommendations', waiting), {
    intervention: null,
    reason: 'already_offered',
  });
});

test('nothing while the page is hidden', () => {
  for (const action of ['show_live_chat', 'show_tooltip', 'show_recommendations', 'show_exit_offer'] as const)
    assert.deepEqual(decideIntervention(action, { ...calm, pageHidden: true }), {
      intervention: null,
      reason: 'hidden',
    });
});

test('per-session cap: at most 2 by default, or as configured', () => {
  assert.equal(DEFAULT_CAP, 2);
  assert.equal(decideIntervention('show_live_chat', { ...calm, interventionCount: 1 }).intervention, 'open_chat');
  assert.deepEqual(decideIntervention('show_live_chat', { ...calm, interventionCount: 2 }), {
    intervention: null,
    reason: 'cap',
  });
  assert.equal(decideIntervention('show_tooltip', { ...calm, interventionCount: 2, cap: 3 }).intervention, 'nudge');
  assert.equal(decideIntervention('show_tooltip', { ...calm, cap: 0 }).reason, 'cap');
});

test('holdout: a deterministic share of sessions, reported as holdout', () => {
  const ids = Array.from({ length: 4000 }, (_, i) => `session-${i}`);
  const held = ids.filter((id) => inHoldout(id, 0.1)).length;
  assert.ok(held > 320 && held < 480, `${held} of 4000 held out at 10 %`);
  for (const id of ids.slice(0, 50)) assert.equal(inHoldout(id, 0.1), inHoldout(id, 0.1));
  assert.equal(
    ids.some((id) => inHoldout(id, 0)),
    false,
  );
  assert.equal(
    ids.every((id) => inHoldout(id, 1)),
    true,
  );
  assert.deepEqual(decideIntervention('show_live_chat', { ...calm, heldOut: true }), {
    intervention: null,
    reason: 'holdout',
  });
});

test('which action does what is configurable per action; unknown choices fall back to the default', () => {
  const actions = { show_tooltip: 'none', show_recommendations: 'nudge', show_live_chat: 'popup' } as never;
  assert.deepEqual(decideIntervention('show_tooltip', { ...calm, actions }), {
    intervention: null,
    reason: 'no_action',
  });
  assert.equal(decideIntervention('show_recommendations', { ...calm, actions }).intervention, 'nudge');
  assert.equal(decideIntervention('show_live_chat', { ...calm, actions }).intervention, 'open_chat');
  const hostile = JSON.parse('{"__proto__": {"show_exit_offer": "open_chat"}}');
  assert.equal(decideIntervention('show_exit_offer', { ...calm, actions: hostile }).intervention, 'exit_offer');
});
