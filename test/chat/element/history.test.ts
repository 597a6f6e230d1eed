import { expect, fixtureCleanup } from '@open-wc/testing';
import { loadConversation, saveConversation } from '../../../src/chat/history/index.js';
import type { ChatMessage } from '../../../src/chat/model.js';
import { until } from '../../support/wait.js';
import { signUserToken } from '../../../src/mock/chat/user-token.js';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import { $, $$, DEMO_KEY, ask, messages, mount, uniqueSession } from './helpers.js';

/** The test server's chat key whose history needs a user token, and its secret (web-test-runner.config.mjs). */
const SIGNED_CHAT_KEY = 'mooni_signed_key';
const USER_TOKEN_SECRET = 'utsec_test';

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

describe('<mooni-frame> past conversations', () => {
  /** Opens the history view from the header and waits for its rows (or its note). */
  async function openHistory(el: MooniFrame) {
    $<HTMLButtonElement>(el, '[part="header"] button[aria-label="Past conversations"]')!.click();
    await until(() => $(el, '.sessions li, .note'), 'the past conversations');
    await el.updateComplete;
  }

  it('a heading, rows read from their start, the current one marked, times to the minute', async () => {
    const userId = `user-${uniqueSession()}`;
    const el = await mount({ 'user-id': userId, theme: 'light' });
    await ask(el, 'How long does shipping take?');
    el.reset();
    await ask(el, 'How do I return an item?');
    await openHistory(el);
    const region = $(el, '[role="region"][aria-labelledby]')!;
    const heading = region.querySelector('h1, h2, h3, h4, [role="heading"]')!;
    expect(heading.textContent!.trim()).to.equal('Past conversations');
    expect(el.shadowRoot!.getElementById(region.getAttribute('aria-labelledby')!)).to.equal(heading);
    const rows = $$<HTMLButtonElement>(el, '.sessions button');
    expect(rows).to.have.length(2);
    const current = rows.filter((row) => row.getAttribute('aria-current') === 'true');
    expect(current, 'one row marked current').to.have.length(1);
    expect(current[0]!.textContent).to.contain('How do I return an item?');
    expect(getComputedStyle(current[0]!).borderInlineStartWidth, 'marked by more than colour').to.not.equal(
      getComputedStyle(rows.find((row) => row !== current[0])!).borderInlineStartWidth,
    );
    for (const row of rows) {
      const style = getComputedStyle(row);
      const start =
        row.getBoundingClientRect().left +
        Number.parseFloat(style.borderLeftWidth) +
        Number.parseFloat(style.paddingLeft);
      for (const line of row.children) expect(line.getBoundingClientRect().left).to.be.closeTo(start, 1.5);
      const time = row.querySelector('span')!.textContent!;
      expect(time, 'a time').to.match(/\d/);
      expect(time, 'no seconds').to.not.match(/\d:\d\d:\d\d/);
    }
    await expect(el).to.be.accessible();
  });

  it("times are written in the element's language; a lang that Intl does not know falls back to the browser's", async () => {
    const userId = `user-${uniqueSession()}`;
    const el = await mount({ 'user-id': userId, lang: 'de' });
    await ask(el, 'How long does shipping take?');
    await openHistory(el);
    const url = `/history/sessions?userId=${encodeURIComponent(userId)}`;
    const [item] = (await (await fetch(url, { headers: { 'mooni-api-key': DEMO_KEY } })).json()).items;
    const at = Date.parse(item.updatedAt || item.createdAt);
    const style = { dateStyle: 'medium', timeStyle: 'short' } as const;
    const german = new Intl.DateTimeFormat('de', style).format(at);
    expect($(el, '.sessions button span')!.textContent).to.equal(german);
    fixtureCleanup();

    const unknown = await mount({ 'user-id': userId, lang: 'not a language' });
    await openHistory(unknown);
    expect($(unknown, '.sessions button span')!.textContent).to.equal(
      new Intl.DateTimeFormat(undefined, style).format(at),
    );
  });

  it('with user-token, the server lists the history of its owner only', async () => {
    const userId = `user-${uniqueSession()}`;
    const token = await signUserToken(userId, USER_TOKEN_SECRET);
    const el = await mount({ 'api-key': SIGNED_CHAT_KEY, 'user-id': userId, 'user-token': token });
    await ask(el, 'How long does shipping take?');
    await openHistory(el);
    expect($$(el, '.sessions li')).to.have.length(1);
    fixtureCleanup();

    const others: Record<string, string>[] = [
      {},
      { 'user-token': await signUserToken('someone-else', USER_TOKEN_SECRET) },
    ];
    for (const attributes of others) {
      const stranger = await mount({ 'api-key': SIGNED_CHAT_KEY, 'user-id': userId, ...attributes });
      await openHistory(stranger);
      expect($$(stranger, '.sessions li'), 'no rows').to.have.length(0);
      expect($(stranger, '.note')!.textContent).to.contain('could not be loaded');
      fixtureCleanup();
    }
  });
});
