// Controls that work: each click changes what the visitor sees at once (quantity and price, the photo shown,
// the cart count). A carousel loops round; the quantity stays between 1 and 99.
const UNIT_PRICE = 28;
const $ = (id) => document.getElementById(id);
let quantity = 1;
let slide = 0;
const slides = $('track').children.length;

const showQuantity = () => {
  $('quantity').textContent = String(quantity);
  $('price').textContent = String(quantity * UNIT_PRICE);
};
$('more').addEventListener('click', () => {
  quantity = Math.min(99, quantity + 1);
  showQuantity();
});
$('less').addEventListener('click', () => {
  quantity = Math.max(1, quantity - 1);
  showQuantity();
});

const showSlide = (step) => {
  slide = (slide + step + slides) % slides;
  $('track').style.transform = `translateX(${-100 * slide}%)`;
  $('slide').textContent = `${slide + 1} / ${slides}`;
};
$('next').addEventListener('click', () => showSlide(1));
$('previous').addEventListener('click', () => showSlide(-1));

$('add').addEventListener('click', () => {
  $('cart-count').textContent = String(Number($('cart-count').textContent) + quantity);
  $('add').textContent = 'Added ✓';
});
