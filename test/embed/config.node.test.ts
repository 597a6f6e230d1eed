import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/embed/config.js';
import { writtenRightToLeft } from '../../src/chat/direction.js';

test('defaults: launcher, tracker and interventions on, 180 s cooldown', () => {
  const config = parseConfig({ apiKey: 'mooni_demo_key', moodKey: 'sm_demo_key' });
  assert.deepEqual(config.tracker, { apiKey: 'sm_demo_key', apiBase: undefined, mode: undefined, consent: undefined });
  assert.equal(config.interventions, true);
  assert.equal(config.cooldown, 180);
  assert.equal(config.feedbackWindow, 120);
  assert.equal(config.mock, false);
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
    authScheme: 'bare',
    developerId: 'dev',
    scopeId: 'demo',
    persist: 'false',
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
    'auth-scheme': 'bare',
    'developer-id': 'dev',
    'scope-id': 'demo',
    persist: 'false',
  });
  assert.equal(config.tracker?.apiBase, '', 'the mood base follows the api base when not given');
  assert.equal(config.cooldown, 5);
});

test('no tracker without a mood key, unless in local mode; none at all with data-tracker="off"', () => {
  assert.equal(parseConfig({ apiKey: 'k' }).tracker, null);
  assert.equal(parseConfig({ moodKey: 'sm', tracker: 'off' }).tracker, null);
  assert.equal(parseConfig({ trackerMode: 'local', tracker: 'off' }).tracker, null);
  assert.equal(parseConfig({ trackerMode: 'local' }).tracker?.mode, 'local');
});

test('switches: local mode, pending consent, interventions off, in-page mock', () => {
  const config = parseConfig({
    trackerMode: 'local',
    consent: 'pending',
    interventions: 'off',
    mock: 'in-page',
    moodBase: 'https://mood.example',
    apiBase: 'https://chat.example',
    locale: 'ko',
  });
  assert.deepEqual(config.tracker, {
    apiKey: undefined,
    apiBase: 'https://mood.example',
    mode: 'local',
    consent: 'pending',
  });
  assert.equal(config.interventions, false);
  assert.equal(config.mock, true);
  assert.equal(config.frame.lang, 'ko');
});

test('a bad cooldown or feedback window falls back to the default', () => {
  assert.equal(parseConfig({ cooldown: 'soon' }).cooldown, 180);
  assert.equal(parseConfig({ cooldown: '-3' }).cooldown, 180);
  assert.equal(parseConfig({ cooldown: '0' }).cooldown, 0);
  assert.equal(parseConfig({ feedbackWindow: '' }).feedbackWindow, 120);
});

test('intervention options: cap (default 2), holdout share clamped to 0–1, debug when present', () => {
  const defaults = parseConfig({});
  assert.deepEqual([defaults.cap, defaults.holdout, defaults.debug], [2, 0, false]);
  const set = parseConfig({ cap: '0', holdout: '0.25', debug: '' });
  assert.deepEqual([set.cap, set.holdout, set.debug], [0, 0.25, true]);
  assert.equal(parseConfig({ holdout: '3' }).holdout, 1);
  assert.equal(parseConfig({ holdout: '-1', cap: 'x' }).holdout, 0);
  assert.equal(parseConfig({ cap: 'x' }).cap, 2);
  assert.equal(parseConfig({ debug: 'false' }).debug, false);
});

test('right-to-left languages by their primary subtag; data-dir and data-position go to the element as they are', () => {
  for (const locale of ['ar', 'he-IL', 'fa', 'UR-pk']) assert.equal(writtenRightToLeft(locale), true, locale);
  for (const locale of ['en', 'ko', 'arn', 'fr-CA', '']) assert.equal(writtenRightToLeft(locale), false, locale);
  assert.deepEqual(parseConfig({ locale: 'ar', dir: 'ltr' }).frame, { mode: 'launcher', lang: 'ar', dir: 'ltr' });
  assert.deepEqual(parseConfig({ dir: 'rtl', position: 'left' }).frame, {
    mode: 'launcher',
    dir: 'rtl',
    position: 'left',
  });
});
