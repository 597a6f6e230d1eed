import { expect, fixture, html } from '@open-wc/testing';
import '../../src/chat/mooni-frame.js';
import type { MooniFrame } from '../../src/chat/mooni-frame.js';

describe('<mooni-frame> shell', () => {
  it('renders a labelled launcher and is accessible', async () => {
    const el = await fixture<MooniFrame>(html`<mooni-frame></mooni-frame>`);
    const launcher = el.shadowRoot!.querySelector('button')!;
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    await expect(el).to.be.accessible();
  });

  it('reaches the mock backend over HTTP', async () => {
    const response = await fetch('/health');
    expect(await response.json()).to.deep.equal({ status: 'ok', version: '1.0.0' });
  });
});
