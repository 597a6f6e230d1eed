// The shop's Pay button always fails; the shop reports the failure it shows to the tracker.
document.getElementById('pay').addEventListener('click', function () {
  document.getElementById('status').textContent = 'Payment declined. Please try again.';
  if (window.Mooni.tracker) window.Mooni.tracker.error('Payment declined');
});
