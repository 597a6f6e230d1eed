import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { renderMarkdown } from '../../../src/chat/markdown/index.js';

const ALLOWED = new Set(['P', 'STRONG', 'EM', 'CODE', 'PRE', 'UL', 'OL', 'LI', 'A', 'BR']);

function show(text: string, into = document.createElement('div')): HTMLElement {
  render(renderMarkdown(text), into);
  return into;
}

describe('renderMarkdown (Lit, real DOM)', () => {
  it('renders the subset as elements', () => {
    const el = show(
      '# Title\nHello **bold** *it* `code` [docs](https://example.com/d)\nnext\n\n- a\n- b\n\n3. c\n\n```\n<b>x</b>\n```',
    );
    expect(el.querySelector('p strong')!.textContent).to.equal('Title');
    expect(el.querySelectorAll('p')[1]!.querySelector('strong')!.textContent).to.equal('bold');
    expect(el.querySelector('em')!.textContent).to.equal('it');
    expect(el.querySelector('p code')!.textContent).to.equal('code');
    expect(el.querySelectorAll('br')).to.have.length(1);
    const a = el.querySelector('a')!;
    expect(a.getAttribute('href')).to.equal('https://example.com/d');
    expect(a.target).to.equal('_blank');
    expect(a.rel).to.equal('noopener noreferrer');
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).to.deep.equal(['a', 'b']);
    expect(el.querySelector('ol')!.getAttribute('start')).to.equal('3');
    expect(el.querySelector('pre code')!.textContent).to.equal('<b>x</b>');
    expect(el.querySelector('pre')!.tabIndex).to.equal(0);
  });

  it('never turns text into HTML, and unsafe links into anything but text', async () => {
    const hostile = [
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
      '[click](javascript:window.__pwned=1)',
      '[x](data:text/html,<script>1</script>)',
      '<a href="javascript:1">a</a> &lt;b&gt; &#60;i&#62;',
      '**<svg onload="window.__pwned=1">**',
      '`<iframe src="javascript:1">`',
      '```\n</code></pre><img src=x onerror="window.__pwned=1">\n```',
      'https://example.com/"><img src=x onerror=1>',
    ].join('\n\n');
    const el = show(hostile);
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 50));
    el.remove();
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    for (const node of el.querySelectorAll('*')) expect(ALLOWED.has(node.tagName), node.tagName).to.equal(true);
    for (const a of el.querySelectorAll('a')) expect(a.href).to.match(/^https?:\/\//);
    expect(el.textContent).to.include('<img src=x onerror="window.__pwned=1">');
    expect(el.textContent).to.include('click');
    expect(el.textContent).to.include('&lt;b&gt; &#60;i&#62;');
  });

  it('streams: re-rendering a growing answer keeps settled DOM nodes and settles open constructs', () => {
    const answer = 'First paragraph with **bold**.\n\n```js\nconst x = 1;\n```\n\nThen a **strong finish** here.';
    const el = document.createElement('div');
    let firstP: Element | null = null;
    const settledAt = answer.indexOf('```');
    const midCode = answer.indexOf('const x') + 'const x'.length;
    for (let end = 1; end <= answer.length; end++) {
      show(answer.slice(0, end), el);
      if (end === settledAt) firstP = el.querySelector('p');
      if (end === midCode) expect(el.querySelector('pre.open code')!.textContent).to.equal('const x');
      if (end === answer.indexOf('finish') + 3)
        expect(el.querySelector('p:last-child')!.textContent).to.equal('Then a **strong fin');
    }
    expect(el.querySelector('p')).to.equal(firstP);
    expect(el.querySelector('pre')!.classList.contains('open')).to.equal(false);
    expect(el.querySelector('p:last-child strong')!.textContent).to.equal('strong finish');
    expect(el.querySelectorAll('p')).to.have.length(2);
  });
});
