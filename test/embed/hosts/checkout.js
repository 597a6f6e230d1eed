// The shop's checkout code as sites commonly write it: the Pay button posts to the payment endpoint, shows the
// failure, and throws on it (nothing catches it, so it is an unhandled rejection). The endpoint is down: every
// payment fails. The page says nothing to Mooni itself.
const form = document.getElementById('pay-form');
const status = document.getElementById('pay-status');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  status.className = '';
  status.textContent = 'Processing your payment…';
  const response = await fetch('/test/embed/hosts/api/payments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ amount: 5200, currency: 'EUR' }),
  });
  if (!response.ok) {
    status.className = 'error';
    status.textContent = 'Payment failed. Please try again.';
    throw new Error(`Payment failed: HTTP ${response.status}`);
  }
  status.textContent = 'Thank you for your order!';
});
