import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, emulateMedia, setViewport } from '@web/test-runner-commands';
import type { MooniFrame } from '../../src/chat/mooni-frame.js';
import { until } from '../support/wait.js';
import { $, $$, DEMO_KEY, mount, next, stillMotion, uniqueSession } from './element/helpers.js';

describe('<mooni-frame> launcher, panel and keyboard', () => {
  before(stillMotion);

  it('reaches the mock backend over HTTP', async () => {
    const response = await fetch('/health');
    expect(response.ok).to.equal(true);
  });

  it('is closed by default: a labelled launcher with aria-expanded, the panel hidden, accessible', async () => {
    const el = await fixture<MooniFrame>(
      html`<mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()}></mooni-frame>`,
    );
    const launcher = $<HTMLButtonElement>(el, '[part="launcher"]')!;
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(launcher.getAttribute('aria-label')).to.equal('Open chat');
    expect($(el, '[part="panel"]')?.hidden ?? true).to.equal(true);
    await expect(el).to.be.accessible();
    // The panel module comes at once (the conversation's restore needs it): the panel is then there, hidden.
    await waitUntil(() => $(el, '[part="panel"]'), 'the panel module was not prefetched');
    expect($(el, '[part="panel"]')!.hidden).to.equal(true);
    expect(launcher.getAttribute('aria-controls')).to.equal('panel');
    await expect(el).to.be.accessible();
  });

  it('an open panel on a host page with its own banner adds no second banner landmark (axe over the page)', async () => {
    const page = await fixture<HTMLDivElement>(
      html`<div>
        <header><a href="#main">Host shop</a></header>
        <main id="main"><p>Products</p></main>
        <mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()} open></mooni-frame>
      </div>`,
    );
    const el = page.querySelector('mooni-frame')!;
    await el.updateComplete;
    await waitUntil(() => $(el, '[part="header"]'), 'the panel header');
    await expect(page).to.be.accessible();
    expect($(el, '[part="header"]')!.closest('header'), 'the panel header is not a <header> banner').to.equal(null);
  });

  it('opens from the launcher: focus in the textbox, dialog named after the tenant from /config, accessible', async () => {
    const config = await (await fetch('/config', { headers: { 'mooni-api-key': DEMO_KEY } })).json();
    const el = await fixture<MooniFrame>(
      html`<mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()}></mooni-frame>`,
    );
    const opened = next(el, 'mooni-open');
    $<HTMLButtonElement>(el, '[part="launcher"]')!.click();
    await opened;
    await el.updateComplete;
    const panel = $(el, '[part="panel"]')!;
    expect(panel.hidden).to.equal(false);
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(el.shadowRoot!.activeElement).to.equal($(el, 'textarea'));
    expect($(el, 'textarea')!.getAttribute('aria-label')).to.equal('Your question');
    expect($(el, '[part="send-button"]')!.getAttribute('aria-label')).to.equal('Send');
    expect($(el, '[role="log"]')).to.exist;
    await until(() => $(el, '#title')!.textContent === config.name, 'tenant name in the header');
    expect($(el, '[part="launcher"]')!.getAttribute('aria-expanded')).to.equal('true');
    await expect(el).to.be.accessible();
  });

  it('Escape closes the panel and returns focus to the launcher', async () => {
    const el = await fixture<MooniFrame>(
      html`<mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()}></mooni-frame>`,
    );
    $<HTMLButtonElement>(el, '[part="launcher"]')!.click();
    await el.updateComplete;
    await until(() => el.shadowRoot!.activeElement === $(el, 'textarea'));
    const closed = next(el, 'mooni-close');
    await sendKeys({ press: 'Escape' });
    const event = await closed;
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect($(el, '[part="panel"]')!.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="launcher"]'));
  });

  it('is usable by keyboard alone: type, Enter sends, Tab reaches the header buttons', async () => {
    const el = await fixture<MooniFrame>(
      html`<mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()}></mooni-frame>`,
    );
    $<HTMLButtonElement>(el, '[part="launcher"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement === $(el, 'textarea'));
    const sent = next(el, 'mooni-send');
    await sendKeys({ type: '  hello there  ' });
    await sendKeys({ press: 'Enter' });
    expect((await sent).detail.text).to.equal('hello there');
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('');
    const close = $(el, '[part="header"] button[aria-label="Close chat"]');
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 30 && el.shadowRoot!.activeElement !== close; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(el.shadowRoot!.activeElement).to.equal(close);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part="launcher"]'));
  });

  it('public methods show, hide, toggle and close drive the panel and fire events', async () => {
    const el = await fixture<MooniFrame>(
      html`<mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()}></mooni-frame>`,
    );
    const types: string[] = [];
    for (const type of ['mooni-open', 'mooni-close'] as const)
      document.addEventListener(type, (e) => types.push(e.type));
    el.show();
    await el.updateComplete;
    el.toggle();
    await el.updateComplete;
    el.toggle();
    await el.updateComplete;
    el.close();
    await el.updateComplete;
    expect(types).to.deep.equal(['mooni-open', 'mooni-close', 'mooni-open', 'mooni-close']);
  });

  it('mooni-open and mooni-close say who acted (launcher, Escape, the page); showing follows the panel', async () => {
    const el = await fixture<MooniFrame>(
      html`<mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()}></mooni-frame>`,
    );
    const seen: string[] = [];
    el.addEventListener('mooni-open', (e) => seen.push(`open:${e.detail.source}`));
    el.addEventListener('mooni-close', (e) => seen.push(`close:${e.detail.source}`));
    expect(el.showing).to.equal(false);
    $<HTMLButtonElement>(el, '[part="launcher"]')!.click();
    await el.updateComplete;
    expect(el.showing).to.equal(true);
    $<HTMLTextAreaElement>(el, 'textarea')!.focus();
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    el.show();
    await el.updateComplete;
    el.hide();
    await el.updateComplete;
    el.show('intervention');
    await el.updateComplete;
    el.hide('intervention');
    await el.updateComplete;
    expect(el.showing).to.equal(false);
    expect(seen).to.deep.equal([
      'open:user',
      'close:escape',
      'open:api',
      'close:api',
      'open:intervention',
      'close:intervention',
    ]);
  });

  it('inline mode: no launcher, a region always open', async () => {
    const el = await mount({ mode: 'inline', open: false });
    expect($(el, '[part="launcher"]')).to.equal(null);
    const panel = $(el, '[part="panel"]')!;
    expect(panel.hidden).to.equal(false);
    expect(panel.getAttribute('role')).to.equal('region');
    await expect(el).to.be.accessible();
  });

  it('blocks an empty question and shows a counter near the 500-character limit', async () => {
    const el = await mount();
    const input = $<HTMLTextAreaElement>(el, 'textarea')!;
    const send = $<HTMLButtonElement>(el, '[part="send-button"]')!;
    input.value = '   ';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(send.disabled).to.equal(true);
    expect($(el, '.counter')).to.equal(null);
    input.value = 'x'.repeat(450);
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect($(el, '.counter')!.textContent).to.equal('50 characters left');
    expect(input.getAttribute('aria-describedby')).to.equal('counter');
    expect(input.maxLength, 'no maxlength: nothing typed or pasted is cut').to.equal(-1);
    expect(send.disabled).to.equal(false);
    expect(getComputedStyle(input).fontSize).to.equal('16px');
  });

  it('send() trims the question; 500 characters are sent whole', async () => {
    const el = await mount();
    const sent = next(el, 'mooni-send');
    el.send(`  ${'a'.repeat(500)}  `);
    expect((await sent).detail.text).to.equal('a'.repeat(500));
  });

  it('takes replacement strings from the host (partial table)', async () => {
    const el = await mount();
    el.strings = { send: 'Senden', question: 'Ihre Frage', welcome: 'Hallo!' };
    await el.updateComplete;
    expect($(el, '[part="send-button"]')!.getAttribute('aria-label')).to.equal('Senden');
    expect($(el, 'textarea')!.getAttribute('aria-label')).to.equal('Ihre Frage');
    expect($(el, '.welcome p')!.textContent).to.equal('Hallo!');
    expect($(el, '[part="launcher"]')!.getAttribute('aria-label')).to.equal('Close chat');
  });

  it('theme: dark by attribute, auto follows prefers-color-scheme, light overrides it; accessible in both', async () => {
    const el = await mount();
    const surface = () => getComputedStyle($(el, '[part="panel"]')!).backgroundColor;
    await emulateMedia({ colorScheme: 'light' });
    const light = surface();
    el.theme = 'dark';
    await el.updateComplete;
    const dark = surface();
    expect(dark).to.not.equal(light);
    await expect(el).to.be.accessible();
    el.theme = 'auto';
    await el.updateComplete;
    expect(surface()).to.equal(light);
    await emulateMedia({ colorScheme: 'dark' });
    expect(surface()).to.equal(dark);
    el.theme = 'light';
    await el.updateComplete;
    expect(surface()).to.equal(light);
    await emulateMedia({ colorScheme: 'light' });
  });

  it('uses the accent custom property for the launcher and send button', async () => {
    const el = await mount();
    el.style.setProperty('--mooni-accent', 'rgb(200, 10, 20)');
    expect(getComputedStyle($(el, '[part="launcher"]')!).backgroundColor).to.equal('rgb(200, 10, 20)');
    expect(getComputedStyle($(el, '[part="send-button"]')!).backgroundColor).to.equal('rgb(200, 10, 20)');
  });

  it('fills the screen under 480 px wide, and is accessible there', async () => {
    await setViewport({ width: 375, height: 700 });
    try {
      const el = await mount();
      const panel = $(el, '[part="panel"]')!.getBoundingClientRect();
      expect([panel.left, panel.top, panel.width, panel.height]).to.deep.equal([0, 0, 375, 700]);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('honours prefers-reduced-motion', async () => {
    const el = await mount();
    el.say('hello');
    await el.updateComplete;
    await emulateMedia({ reducedMotion: 'no-preference' });
    expect(getComputedStyle($(el, '.bubble')!).animationName).to.equal('rise');
    await emulateMedia({ reducedMotion: 'reduce' });
    expect(getComputedStyle($(el, '.bubble')!).animationName).to.equal('none');
  });

  it('exposes the documented parts', async () => {
    const el = await mount();
    el.say('hello');
    await el.updateComplete;
    const parts = new Set($$(el, '[part]').flatMap((e) => e.getAttribute('part')!.split(' ')));
    for (const part of ['launcher', 'panel', 'header', 'log', 'input', 'send-button', 'message', 'host-message']) {
      expect(parts).to.include(part);
    }
  });
});
