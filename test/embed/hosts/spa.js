// A single-page shop: its links change the route with history.pushState and render the view in place;
// Back and Forward (popstate) render the route they land on.
const VIEWS = {
  home: ['Welcome', 'Hand-poured candles, diffusers and gifts from our workshop.'],
  candles: ['Candles', 'Beeswax, soy and rapeseed candles in twelve scents.'],
  diffusers: ['Diffusers', 'Reed diffusers that scent a room for three months.'],
  gifts: ['Gifts', 'Boxes of three candles, wrapped by hand.'],
  about: ['About us', 'A small workshop by the sea, making candles since 2009.'],
};
const view = document.getElementById('view');

function render() {
  const route = location.pathname.split('/spa/')[1] || 'home';
  const [title, text] = VIEWS[route] ?? VIEWS.home;
  const heading = document.createElement('h1');
  heading.textContent = title;
  const items = Array.from({ length: 12 }, (_, index) => {
    const item = document.createElement('p');
    item.textContent = `${title} · item ${index + 1}: ${text}`;
    return item;
  });
  view.replaceChildren(heading, ...items);
  document.title = `${title} — Lumen & Oak`;
}

document.querySelector('nav').addEventListener('click', (event) => {
  const link = event.target.closest('a');
  if (!link) return;
  event.preventDefault();
  history.pushState(null, '', link.href);
  render();
  scrollTo(0, 0); // a new route starts at its top, as routers do
});
addEventListener('popstate', render);
render();
