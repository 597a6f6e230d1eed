// Derived signals with real input, checked at the mock backend, and the debug log they feed.
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { ofType, received, sleep, stage, start, stopAll } from './helpers.js';

const click = (x: number, y: number) => sendMouse({ type: 'click', position: [x, y] });

describe('derived signals with real input', () => {
  let area: HTMLElement;
  let logged: unknown[][];
  const info = console.info;
  beforeEach(() => {
    logged = [];
    console.info = (...parts: unknown[]) => logged.push(parts);
    area = stage(`
      <button id="dead" style="position:fixed;left:20px;top:20px;width:120px;height:40px">Pay</button>
      <button id="works" style="position:fixed;left:200px;top:20px;width:120px;height:40px">Add</button>
      <output id="count" style="position:fixed;left:340px;top:20px">0</output>`);
    const count = area.querySelector('#count')!;
    area
      .querySelector('#works')!
      .addEventListener('click', () => (count.textContent = String(+count.textContent! + 1)));
  });
  afterEach(async () => {
    console.info = info;
    stopAll();
    area.remove();
    await resetMouse();
  });

  it('without debug nothing is logged (the log, once started, serves the whole page)', async () => {
    const t = start();
    await click(80, 40);
    await sleep(2700);
    await t.flush();
    expect(ofType(await received(t.sessionId), 'click').filter((e) => e.signal === 'dead_click').length).to.equal(1);
    expect(logged).to.deep.equal([]);
  });

  it('a click the page never answers is a dead click after 2.5 s; clicks on a working stepper are not', async () => {
    const t = start({ debug: true });
    await sleep(100); // the debug log loads
    for (let i = 0; i < 4; i++) await click(260, 40);
    await click(80, 40);
    await sleep(2700);
    await t.flush();
    const dead = ofType(await received(t.sessionId), 'click').filter((e) => e.signal === 'dead_click');
    expect(dead.map((e) => [e.x, e.y])).to.deep.equal([[80, 40]]);
    const decisions = logged.filter((parts) => parts[0] === '[mooni]' && parts[1] === 'dead_click');
    expect(decisions.map((parts) => parts.slice(2, 4))).to.deep.equal([
      ['suppressed', 'answered'],
      ['suppressed', 'answered'],
      ['suppressed', 'answered'],
      ['suppressed', 'answered'],
      ['fired', 'dead'],
    ]);
    expect(decisions.at(-1)![4]).to.deep.equal({ waitMs: 2500 });
  });
});
