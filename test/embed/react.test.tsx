/** @jsxRuntime classic */
/** @jsx React.createElement */
// <mooni-frame> inside a React 19 tree: props set from JSX arrive as properties (objects and functions
// included) and the element's mooni-* events reach React's handlers.
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
// React ships CommonJS: its default export is the module object (named exports are not detected).
import React from 'react';
import ReactDOMClient, { type Root } from 'react-dom/client';
import '../../src/chat/mooni-frame.js';
import type { MooniFrame } from '../../src/chat/mooni-frame.js';
import type { MooniSendDetail } from '../../src/chat/events.js';
import type { FetchLike } from '../../src/chat/model.js';
import type {} from '../../src/jsx.js';
import { clickOn, logText } from './helpers.js';

const { act, useState } = React;
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const strings = { openChat: 'Ask Lune & Wick' };
const requests: string[] = [];
const fetcher: FetchLike = (input, init) => {
  requests.push(String(input));
  return fetch(input, init);
};
const seen: string[] = [];
const texts: string[] = [];

function Shop() {
  const [opened, setOpened] = useState(0);
  return (
    <div>
      <p data-testid="opened">opened {opened}</p>
      <mooni-frame
        api-key="mooni_demo_key"
        api-base=""
        strings={strings}
        fetcher={fetcher}
        onmooni-open={() => {
          seen.push('open');
          setOpened((n) => n + 1);
        }}
        onmooni-close={() => seen.push('close')}
        onmooni-send={(event: CustomEvent<MooniSendDetail>) => texts.push(event.detail.text)}
        onmooni-answer={() => seen.push('answer')}
      ></mooni-frame>
    </div>
  );
}

let root: Root;
let host: HTMLElement;

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
  await resetMouse();
});

describe('<mooni-frame> in React 19', () => {
  it('receives object and function props as properties and reports its events to React handlers', async () => {
    host = document.createElement('div');
    document.body.append(host);
    root = ReactDOMClient.createRoot(host);
    await act(async () => root.render(<Shop />));
    const frame = host.querySelector('mooni-frame') as MooniFrame;
    expect(frame.strings).to.equal(strings);
    expect(frame.fetcher).to.equal(fetcher);
    expect(frame.getAttribute('api-key')).to.equal('mooni_demo_key');
    await frame.updateComplete;

    const launcher = frame.shadowRoot!.querySelector('[part~="launcher"]')!;
    expect(launcher.getAttribute('aria-label'), 'the strings prop reached the element').to.equal('Ask Lune & Wick');
    await clickOn(launcher);
    await waitUntil(() => seen.includes('open'), 'React did not see mooni-open');
    await waitUntil(() => host.querySelector('[data-testid="opened"]')!.textContent === 'opened 1');

    frame.send('hello');
    await waitUntil(() => seen.includes('answer'), 'React did not see mooni-answer', { timeout: 5000 });
    expect(texts).to.deep.equal(['hello']);
    expect(
      requests.some((url) => url.endsWith('/chat')),
      'the fetcher prop made the request',
    ).to.equal(true);
    // The log is drawn by the lazily loaded panel module: wait for it to show the question.
    await waitUntil(() => logText(frame).includes('hello'), 'the log never showed the question');
  });
});
