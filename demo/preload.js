// The shop's Mooni settings, set before the bundle loads (with the pre-load snippet, which is loaded just
// before this file): help topics for show_recommendations. Kept in a file of its own so the page works under
// a strict Content-Security-Policy.
window.Mooni.config = window.Mooni.config || {
  recommendations: [
    { title: 'Payment problems', subtitle: 'Declined cards, 3-D Secure', question: 'Why did my payment fail?' },
    { title: 'Shipping', subtitle: 'Times and costs', question: 'How long does shipping take?' },
    { title: 'Returns', subtitle: '30 days, free', question: 'How do I return an item?' },
  ],
};
