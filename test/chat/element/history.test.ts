import { expect, fixtureCleanup } from '@open-wc/testing';
import { loadConversation, saveConversation } from '../../../src/chat/history/index.js';
import type { ChatMessage } from '../../../src/chat/model.js';
import { until } from '../../support/wait.js';
import { $, $$, DEMO_KEY, ask, messages, mount, uniqueSession } from './helpers.js';

describe('<mooni-frame> history', () => {
  it('a reload restores the conversation from IndexedDB (same session-id)', async () => {
    const sessionId = uniqueSession();
    const first = await mount({ 'session-id': sessionId });
    await ask(first, 'How do I reset my password?');
    first.say('A note from the host');
    await first.updateComplete;
    const before = first.messages.map((m) => [m.role, m.text, m.state]);
    expect(before).to.have.length(3);
    await until(async () => (await loadConversation(sessionId)).length === 3, 'saved in IndexedDB');
    fixtureCleanup();

    const again = await mount({ 'session-id': sessionId });
    await until(() => again.messages.length === 3, 'restored messages');
    await again.updateComplete;
    expect(again.messages.map((m) => [m.role, m.text, m.state])).to.deep.equal(before);
    expect(messages(again)).to.have.length(3);

    const other = await mount({ 'session-id': uniqueSession() });
    await new Promise((r) => setTimeout(r, 50));
    expect(other.messages).to.have.length(0);
  });

  it('a long conversation restores its latest messages first; earlier ones on demand; accessible', async () => {
    const sessionId = uniqueSession();
    const stored: ChatMessage[] = Array.from({ length: 100 }, (_, i) => ({
      id: `${sessionId}-${i}`,
      role: i % 2 ? 'bot' : 'user',
      text: `message ${i}`,
      templates: [],
      faqs: [],
      state: 'done',
      createdAt: 1_700_000_000_000 + i,
    }));
    await saveConversation(sessionId, stored);
    const el = await mount({ 'session-id': sessionId, mode: 'inline' });
    el.style.height = '400px';
    await until(() => el.messages.length === 100, 'restored');
    await el.updateComplete;
    expect(messages(el)).to.have.length(40);
    expect(messages(el).at(-1)!.textContent).to.contain('message 99');
    await expect(el).to.be.accessible();
    const earlier = () => $<HTMLButtonElement>(el, '.earlier');
    earlier()!.click();
    await until(() => messages(el).length === 80, 'second page');
    earlier()!.click();
    await until(() => messages(el).length === 100, 'all');
    await el.updateComplete;
    expect(earlier()).to.equal(null);
    expect(messages(el)[0]!.textContent).to.contain('message 0');
  });

  it('without a session-id, a generated one is kept across reloads', async () => {
    localStorage.removeItem('mooni_session_id');
    const first = await mount({ 'session-id': false });
    expect(first.sessionId).to.match(/^[0-9a-f-]{36}$/);
    const id = first.sessionId;
    fixtureCleanup();
    const again = await mount({ 'session-id': false });
    expect(again.sessionId).to.equal(id);
  });

  it('"New conversation" starts a fresh session and an empty log', async () => {
    const el = await mount();
    await ask(el, 'How do I reset my password?');
    const session = el.sessionId;
    $<HTMLButtonElement>(el, '[part="header"] button[aria-label="New conversation"]')!.click();
    await el.updateComplete;
    expect(el.sessionId).to.not.equal(session);
    expect(messages(el)).to.have.length(0);
    expect($(el, '.welcome')).to.exist;
  });

  it('with user-id, the history view lists past sessions from GET /history/sessions; accessible', async () => {
    const userId = `user-${uniqueSession()}`;
    const el = await mount({ 'user-id': userId });
    await ask(el, 'How do I reset my password?');
    const url = `/history/sessions?userId=${encodeURIComponent(userId)}`;
    const remote = await (await fetch(url, { headers: { 'mooni-api-key': DEMO_KEY } })).json();
    expect(remote.items.length).to.be.greaterThan(0);

    $<HTMLButtonElement>(el, '[part="header"] button[aria-label="Past conversations"]')!.click();
    await until(() => $$(el, '.sessions li').length === remote.items.length, 'sessions listed');
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part="header"] button[aria-label="Back to chat"]')!.click();
    await el.updateComplete;
    expect(messages(el).length).to.be.greaterThan(0);
  });
});
