// The demo shop's own code, as a host site would write it: a cart, and a Pay button whose payment provider
// always declines. The shop reports the failure it shows to the tracker, as the README advises.
import type { Tracker } from '../src/tracker/types.js';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const cart = new Map<string, number>([
  ['Lavender Dusk', 24],
  ['Amber Hearth', 28],
]);

function renderCart() {
  const lines = $('cart-lines');
  lines.replaceChildren(
    ...[...cart].map(([name, price]) => {
      const li = document.createElement('li');
      const label = document.createElement('span');
      const amount = document.createElement('span');
      label.textContent = name;
      amount.textContent = `€${price}`;
      li.append(label, amount);
      return li;
    }),
  );
  const total = String([...cart.values()].reduce((sum, price) => sum + price, 0));
  $('total').textContent = total;
  $('total-2').textContent = total;
  $('cart-count').textContent = String(cart.size);
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button.add')) {
  button.addEventListener('click', () => {
    cart.set(button.dataset.product!, Number(button.dataset.price));
    renderCart();
    button.textContent = 'In your cart ✓';
  });
}

let attempt = 0;
$('pay-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const pay = $<HTMLButtonElement>('pay');
  const status = $('pay-status');
  attempt += 1;
  pay.classList.add('busy');
  status.textContent = '';
  // Our "payment provider" answers after a short wait, and always with a decline.
  setTimeout(() => {
    pay.classList.remove('busy');
    status.textContent = `Payment declined (attempt ${attempt}). Please try again.`;
    const tracker = (window as unknown as { Mooni?: { tracker?: Tracker } }).Mooni?.tracker;
    tracker?.error('Payment declined');
  }, 400);
});
