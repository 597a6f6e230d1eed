import { expect } from '@open-wc/testing';
import { until } from '../../support/wait.js';
import { $, ask, byText, lastMessage, mount, next } from './helpers.js';

const ME = {
  transport: 'mind-expression',
  'engine-url': location.origin,
  'auth-key': 'me_demo_key',
  'developer-id': 'demo',
  'scope-id': 'demo',
};

describe('<mooni-frame transport="mind-expression"> against the mock gateway', () => {
  it('handshakes once, keeps the conversation, and renders text, quick replies and cards', async () => {
    const requests: { url: string; conversation: string | null; auth: string | null }[] = [];
    const el = await mount(ME);
    el.fetcher = (input, init) => {
      const headers = new Headers(init?.headers);
      requests.push({
        url: String(input),
        conversation: headers.get('x-conversation-id'),
        auth: headers.get('authorization'),
      });
      return fetch(input, init);
    };
    await el.updateComplete;

    expect(await ask(el, 'hello')).to.equal('answer');
    expect(lastMessage(el).querySelector('.bubble')!.textContent!.trim()).to.not.equal('');

    expect(await ask(el, 'how are you')).to.equal('answer');
    const good = byText(el, 'button.chip', 'Good') as HTMLButtonElement;
    expect(good).to.exist;
    await expect(el).to.be.accessible();

    expect(await ask(el, 'products')).to.equal('answer');
    expect(lastMessage(el).querySelectorAll('[part="card"]').length).to.be.greaterThan(0);

    // One handshake without a conversation id; every later request carries the id it returned.
    const gateway = requests.filter((r) => r.url.includes('/api/v1/gateway/'));
    expect(gateway.every((r) => r.auth === 'Bearer me_demo_key')).to.equal(true);
    expect(gateway.filter((r) => !r.conversation)).to.have.length(1);
    const ids = new Set(gateway.filter((r) => r.conversation).map((r) => r.conversation));
    expect(ids.size).to.equal(1);

    const reply = next(el, 'mooni-quick-reply');
    const done = next(el, 'mooni-answer');
    good.click();
    expect((await reply).detail.reply.label).to.equal('Good');
    await done;
  });

  it('204: shows the fallback answer', async () => {
    const el = await mount(ME);
    expect(await ask(el, 'qwertyuiop zxcv')).to.equal('answer');
    expect(lastMessage(el).querySelector('.bubble')!.textContent!.trim()).to.not.equal('');
  });

  it('210 is never sent: an empty question is blocked', async () => {
    const el = await mount(ME);
    let sent = 0;
    el.addEventListener('mooni-send', () => sent++);
    el.send('   ');
    await el.updateComplete;
    expect(sent).to.equal(0);
    expect($<HTMLButtonElement>(el, '[part="send-button"]')!.disabled).to.equal(true);
  });

  it('220 ends the conversation with a "Start again" action that starts afresh', async () => {
    const el = await mount(ME);
    await ask(el, 'hello');
    await ask(el, 'bye');
    const again = await until(() => byText(el, '.ended button', 'Start again'), 'start again');
    expect($(el, '.ended')!.textContent).to.contain('ended');
    await expect(el).to.be.accessible();
    const session = el.sessionId;
    (again as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.messages).to.have.length(0);
    expect(el.sessionId).to.not.equal(session);
    expect(await ask(el, 'hello')).to.equal('answer');
  });
});
