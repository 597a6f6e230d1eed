/** Okapi BM25 over short documents: a small, pure retrieval module (no I/O). */

const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could do does for from had has have how i if in into is it its me my no not of ' +
    'on or our so that the their them then there these this to was we what when where which who why will with would ' +
    "you your yours am been being did get got i'm please should than too very want need"
  ).split(' '),
);

/** Lower-cased word tokens without stop words, with a light plural/verb-ending stemmer. */
export function tokenize(text: string): string[] {
  const words =
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const tokens: string[] = [];
  for (const word of words) {
    if (STOP_WORDS.has(word)) continue;
    tokens.push(stem(word));
  }
  return tokens;
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return undouble(word.slice(0, -3));
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return undouble(word.slice(0, -2));
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** "shipp" → "ship", "stopp" → "stop" (but "fall", "pass" stay). */
function undouble(stem: string): string {
  const last = stem.slice(-1);
  return stem.length > 3 && last === stem.at(-2) && !'lsz'.includes(last) ? stem.slice(0, -1) : stem;
}

export interface Bm25Document {
  id: string;
  /** Field texts and how many times each counts (e.g. title ×2, body ×1). */
  fields: { text: string; weight: number }[];
}

export interface Bm25Hit {
  id: string;
  score: number;
  /** Share of the query's distinct terms found in the document, 0..1. */
  coverage: number;
}

export interface Bm25Index {
  search(query: string, accept?: (id: string) => boolean): Bm25Hit[];
}

export function createBm25Index(documents: Bm25Document[], k1 = 1.2, b = 0.75): Bm25Index {
  const docs = documents.map((doc) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const field of doc.fields) {
      for (const token of tokenize(field.text)) {
        tf.set(token, (tf.get(token) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    return { id: doc.id, tf, length };
  });
  const df = new Map<string, number>();
  for (const doc of docs) for (const token of doc.tf.keys()) df.set(token, (df.get(token) ?? 0) + 1);
  const averageLength = docs.reduce((sum, doc) => sum + doc.length, 0) / Math.max(docs.length, 1);
  const idf = (token: string) => {
    const n = df.get(token) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };

  return {
    search(query, accept = () => true) {
      const terms = [...new Set(tokenize(query))];
      if (terms.length === 0) return [];
      const hits: Bm25Hit[] = [];
      for (const doc of docs) {
        if (!accept(doc.id)) continue;
        let score = 0;
        let found = 0;
        for (const term of terms) {
          const f = doc.tf.get(term);
          if (!f) continue;
          found++;
          score += (idf(term) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * doc.length) / averageLength));
        }
        if (score > 0) hits.push({ id: doc.id, score, coverage: found / terms.length });
      }
      return hits.sort((x, y) => y.score - x.score);
    },
  };
}
