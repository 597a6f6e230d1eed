import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decideIntervention, type InterventionState } from '../../src/embed/interventions.js';
import type { SuggestedAction } from '../../src/mood/types.js';

const state: InterventionState = {
  now: 1_000_000,
  lastInterventionAt: null,
  cooldownMs: 0,
  enabled: true,
  userClosedChat: false,
  typingRecently: false,
  chatOpen: false,
};

describe('hardening: interventions from hostile or unknown mood answers', () => {
  test('a suggested_action the documents do not define leads to nothing (no prototype keys, no junk)', () => {
    const hostile = [
      'constructor',
      '__proto__',
      'toString',
      'valueOf',
      'hasOwnProperty',
      'isPrototypeOf',
      '',
      'SHOW_LIVE_CHAT',
      'show_live_chat ',
      '<img src=x onerror=alert(1)>',
    ];
    for (const action of hostile) {
      const decision = decideIntervention(action as SuggestedAction, state);
      assert.deepEqual(
        decision,
        { intervention: null, reason: 'no_action' },
        `suggested_action ${JSON.stringify(action)}`,
      );
    }
    for (const action of [null, undefined, 42, {}, ['show_live_chat']]) {
      assert.deepEqual(
        decideIntervention(action as unknown as SuggestedAction, state).intervention,
        null,
        `suggested_action ${JSON.stringify(action)}`,
      );
    }
    // Control: the documented actions still act.
    assert.equal(decideIntervention('show_live_chat', state).intervention, 'open_chat');
    assert.equal(decideIntervention('show_tooltip', state).intervention, 'nudge');
  });
});
