import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/embed/config.js';

test('defaults: launcher, tracker and interventions on, 180 s cooldown', () => {
  const config = parseConfig({ apiKey: 'mooni_demo_key', moodKey: 'sm_demo_key' });
  assert.equal(config.tracker, true);
  assert.equal(config.trackerMode, 'remote');
  assert.equal(config.consentPending, false);
  assert.equal(config.interventions, true);
  assert.equal(config.cooldown, 180);
  assert.equal(config.feedbackWindow, 120);
  assert.equal(config.mock, undefined);
  assert.deepEqual(config.frame, { mode: 'launcher', 'api-key': 'mooni_demo_key' });
});

test('element options become kebab-case attributes; tracker options stay out of them', () => {
  const config = parseConfig({
    apiKey: 'k',
    apiBase: '',
    moodKey: 'sm',
    organizationId: 'school-a',
    userId: 'u_1',
    mode: 'inline',
    theme: 'dark',
    transport: 'mind-expression',
    engineUrl: '/api/v1/gateway/default',
    authKey: 'me_demo_key',
    developerId: 'dev',
    scopeId: 'demo',
    cooldown: '5',
  });
  assert.deepEqual(config.frame, {
    'api-key': 'k',
    'api-base': '',
    'organization-id': 'school-a',
    'user-id': 'u_1',
    mode: 'inline',
    theme: 'dark',
    transport: 'mind-expression',
    'engine-url': '/api/v1/gateway/default',
    'auth-key': 'me_demo_key',
    'developer-id': 'dev',
    'scope-id': 'demo',
  });
  assert.equal(config.moodBase, '', 'the mood base follows the api base when not given');
  assert.equal(config.cooldown, 5);
});

test('switches: tracker off, local mode, pending consent, interventions off, in-page mock', () => {
  const config = parseConfig({
    tracker: 'off',
    trackerMode: 'local',
    consent: 'pending',
    interventions: 'off',
    mock: 'in-page',
    moodBase: 'https://mood.example',
    apiBase: 'https://chat.example',
    locale: 'ko',
  });
  assert.equal(config.tracker, false);
  assert.equal(config.trackerMode, 'local');
  assert.equal(config.consentPending, true);
  assert.equal(config.interventions, false);
  assert.equal(config.mock, 'in-page');
  assert.equal(config.moodBase, 'https://mood.example');
  assert.equal(config.locale, 'ko');
});

test('a bad cooldown or feedback window falls back to the default', () => {
  assert.equal(parseConfig({ cooldown: 'soon' }).cooldown, 180);
  assert.equal(parseConfig({ cooldown: '-3' }).cooldown, 180);
  assert.equal(parseConfig({ cooldown: '0' }).cooldown, 0);
  assert.equal(parseConfig({ feedbackWindow: '' }).feedbackWindow, 120);
});
