/**
 * Questions with known outcomes from the mock's `/chat` (bundled FAQ of the demo tenant), for tests and QA.
 * Each is checked by test/mock/faq.node.test.ts.
 */
export const DEMO_QUERIES = {
  /** A plain FAQ answer (shop), followed by related FAQ entries. */
  answer: 'How long does shipping take?',
  /** An answer whose text uses bold, a numbered list and https links. */
  markdown: 'How do I return an item?',
  /** Also sends a `quick_reply` template (Live chat / Email us / Call us). */
  quickReply: 'How can I contact customer service?',
  /** Also sends a `card` template (two gift cards with link and message buttons). */
  card: 'Which gift cards do you sell?',
  /** Also sends an `image` template (a size chart). */
  image: 'Where is the size chart for bedding?',
  /** Also sends a `code` template (an HTML snippet). */
  code: 'How do I add the order tracking widget to my website?',
  /** No FAQ matches: `out_of_scope` status and a short helpful text. */
  outOfScope: 'What is the airspeed velocity of an unladen swallow?',
  /** Matches only entries of organizationId 'school' (out of scope with organizationId 'shop'). */
  schoolOnly: 'When is the enrollment deadline for the autumn term?',
} as const;

export const ORGANIZATIONS = ['shop', 'school'] as const;
