import { test } from 'node:test';
import assert from 'node:assert/strict';
import React from 'react';
import { renderToString } from 'react-dom/server';
import { MooniProvider, useMood, useMooni, useMooniChat } from '../../src/react/index.js';
import { HelpChat } from './help-chat.js';

function Status() {
  const { ready, isOpen } = useMooni();
  const { mood, suggestedAction } = useMood();
  const { chatState, messages } = useMooniChat();
  return React.createElement(
    'p',
    null,
    `ready=${ready} open=${isOpen} mood=${mood?.mood ?? 'none'} action=${suggestedAction ?? 'none'} ` +
      `chat=${chatState} messages=${messages.length}`,
  );
}

test('a page using the provider and every hook renders with react-dom/server, no window touched', () => {
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
  const html = renderToString(
    React.createElement(
      MooniProvider,
      { apiKey: 'mooni_demo_key', moodKey: 'sm_demo_key', apiBase: 'https://chat.example.com' },
      React.createElement(Status),
      React.createElement(HelpChat),
    ),
  );
  assert.match(html, /ready=false open=false mood=none action=none chat=idle messages=0/);
  assert.match(html, /<section aria-label="Help">/);
  assert.match(html, /<input aria-label="Question" value=""\/>/);
  assert.equal(typeof (globalThis as { window?: unknown }).window, 'undefined');
});
