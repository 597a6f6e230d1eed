import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBm25Index, tokenize } from '../../src/mock/faq/bm25.js';
import { answerFromFaq } from '../../src/mock/faq/search.js';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';

test('tokenize: lower-cases, drops stop words and punctuation, folds plurals and endings', () => {
  assert.deepEqual(tokenize('How do I reset my Passwords?'), ['reset', 'password']);
  assert.deepEqual(tokenize('Shipping, shipped & ships!'), ['ship', 'ship', 'ship']);
  assert.deepEqual(tokenize('Café déjà-vu 42'), ['cafe', 'deja', 'vu', '42']);
  assert.deepEqual(tokenize('the and of'), []);
});

const docs = [
  {
    id: 'pw',
    fields: [
      { text: 'Reset your password', weight: 2 },
      { text: 'Use the forgot password link on the login page.', weight: 1 },
    ],
  },
  {
    id: 'ship',
    fields: [
      { text: 'Shipping times', weight: 2 },
      { text: 'Parcels arrive in three to five days.', weight: 1 },
    ],
  },
  {
    id: 'ret',
    fields: [
      { text: 'Returns', weight: 2 },
      { text: 'Return a parcel within thirty days for a refund.', weight: 1 },
    ],
  },
];

test('BM25 ranks the document that matches rare query terms first, and reports coverage', () => {
  const index = createBm25Index(docs);
  const hits = index.search('forgot my password');
  assert.equal(hits[0].id, 'pw');
  assert.equal(hits[0].coverage, 1);
  const parcel = index.search('parcel refund');
  assert.equal(parcel[0].id, 'ret');
  assert.deepEqual(parcel.map((h) => h.id).sort(), ['ret', 'ship']);
  assert.ok(parcel[0].score > parcel[1].score);
  assert.deepEqual(index.search('quantum'), []);
  assert.deepEqual(index.search(''), []);
});

test('title weight counts: a title match beats the same word in a body', () => {
  const index = createBm25Index([
    {
      id: 'title',
      fields: [
        { text: 'Gift cards', weight: 2 },
        { text: 'We sell them.', weight: 1 },
      ],
    },
    {
      id: 'body',
      fields: [
        { text: 'Payments', weight: 2 },
        { text: 'Pay with a gift card.', weight: 1 },
      ],
    },
  ]);
  assert.equal(index.search('gift card')[0].id, 'title');
});

test('the filter restricts hits (organizationId in the FAQ search)', () => {
  const index = createBm25Index(docs);
  assert.deepEqual(
    index.search('parcel', (id) => id !== 'ship').map((h) => h.id),
    ['ret'],
  );
  assert.equal(answerFromFaq(DEMO_QUERIES.schoolOnly, 'school')?.entry.organizationId, 'school');
  assert.equal(answerFromFaq(DEMO_QUERIES.schoolOnly, 'shop'), undefined);
  assert.equal(answerFromFaq(DEMO_QUERIES.outOfScope), undefined);
  assert.equal(answerFromFaq('password reset')?.entry.id, 'shop-reset-password');
  assert.equal(answerFromFaq('can my kid join the robotics club')?.entry.id, 'school-clubs');
  assert.equal(answerFromFaq('refund timing after returning')?.entry.id, 'shop-refund-time');
});
