/** @jsxRuntime classic */
/** @jsx React.createElement */
// A React 19 page built only with useMooniChat (the README example) against the mock's /chat over HTTP.
import { expect, waitUntil } from '@open-wc/testing';
import React from 'react';
import ReactDOMClient, { type Root } from 'react-dom/client';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';
import { App } from './help-chat.js';

const { act } = React;
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;

let root: Root;
let host: HTMLElement;

const byRole = (role: string, name?: string) =>
  [...host.querySelectorAll<HTMLElement>(`[role="${role}"], ${role === 'button' ? 'button' : role}`)].filter(
    (element) => name === undefined || (element.getAttribute('aria-label') ?? element.textContent) === name,
  );

async function ask(text: string) {
  const input = host.querySelector<HTMLInputElement>('input[aria-label="Question"]');
  if (!input) throw new Error('no Question textbox');
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
  setValue?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve));
  byRole('button', 'Send')[0].click();
}

beforeEach(async () => {
  host = document.createElement('div');
  document.body.append(host);
  root = ReactDOMClient.createRoot(host);
  await act(async () => root.render(<App />));
});

afterEach(async () => {
  await act(async () => root.unmount());
  host.remove();
});

describe('useMooniChat in React 19', () => {
  it('streams an answer with quick replies, and a quick reply asks its message', async () => {
    const typing: boolean[] = [];
    const observer = new MutationObserver(() => typing.push(byRole('status').length > 0));
    observer.observe(host, { childList: true, subtree: true });
    await ask(DEMO_QUERIES.quickReply);
    await waitUntil(() => byRole('group').length === 1, 'no quick replies', { timeout: 5000 });
    await waitUntil(() => byRole('status').length === 0, 'still typing');
    observer.disconnect();
    expect(typing, 'a typing indicator showed while the answer streamed').to.include(true);
    const answers = host.querySelectorAll('article[aria-label="Assistant"]');
    expect(answers[0].querySelector('p')?.textContent?.length).to.be.greaterThan(20);
    const replies = byRole('group')[0].querySelectorAll('button, a');
    expect(replies.length).to.be.greaterThan(1);
    expect(host.textContent).to.contain('active');

    const button = byRole('group')[0].querySelector('button');
    if (!button) throw new Error('no message quick reply');
    button.click();
    await waitUntil(() => host.querySelectorAll('article[aria-label="You"]').length === 2, 'the reply was not asked');
  });

  it('renders cards as typed data, and Close ends the chat', async () => {
    await ask(DEMO_QUERIES.card);
    await waitUntil(() => host.querySelectorAll('ul[aria-label="Cards"] h4').length > 1, 'no cards', {
      timeout: 5000,
    });
    const titles = [...host.querySelectorAll('ul[aria-label="Cards"] h4')].map((title) => title.textContent);
    expect(titles.every((title) => typeof title === 'string' && title.length > 0)).to.equal(true);
    await waitUntil(() => byRole('button', 'Close').length === 1);
    byRole('button', 'Close')[0].click();
    await waitUntil(() => host.textContent?.includes('ended'), 'chatState did not become ended');
  });
});
