import { createBm25Index, tokenize, type Bm25Hit } from './bm25.js';
import { FAQ, type FaqEntry } from './data.js';

/** A hit is an answer only when it is this strong and covers this share of the question's terms. */
const MIN_SCORE = 2.5;
const MIN_COVERAGE = 0.5;

const byId = new Map(FAQ.map((entry) => [entry.id, entry]));

/** An entry by id; ids come from the index built over the same FAQ, so one is always there. */
function entryById(id: string): FaqEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`FAQ index and data disagree on ${id}`);
  return entry;
}
/**
 * A question asked exactly as an entry's title or one of its `askedAs` phrasings (stop words aside) is that entry:
 * "Where is my order?" leaves only "order", which ranking alone gives to whichever entry says "order" most.
 */
const phrasings = new Map<string, string[]>();
for (const entry of FAQ) {
  for (const phrasing of [entry.title, ...(entry.askedAs ?? [])]) {
    const key = tokenize(phrasing).join(' ');
    phrasings.set(key, [...(phrasings.get(key) ?? []), entry.id]);
  }
}

const index = createBm25Index(
  FAQ.map((entry) => ({
    id: entry.id,
    fields: [
      { text: [entry.title, ...(entry.askedAs ?? [])].join(' '), weight: 2 },
      { text: entry.body, weight: 1 },
    ],
  })),
);

/**
 * Whether an entry of `entryOrganization` serves `requested`. Sub-organizations share their parent's
 * FAQ: "school-a" (001's example) is a campus of "school".
 */
export function belongsTo(entryOrganization: string, requested?: string | null): boolean {
  return !requested || requested === entryOrganization || requested.startsWith(`${entryOrganization}-`);
}

export interface FaqAnswer {
  entry: FaqEntry;
  related: { id: string; title: string }[];
}

/**
 * The best FAQ answer to `query` among entries of `organizationId` (all entries when absent), with up to
 * three related entries of the same organization; undefined when nothing matches well enough.
 */
export function answerFromFaq(query: string, organizationId?: string | null): FaqAnswer | undefined {
  const accept = (id: string) => belongsTo(entryById(id).organizationId, organizationId);
  const hits: Bm25Hit[] = index.search(query, accept);
  const askedAsId = phrasings.get(tokenize(query).join(' '))?.find(accept);
  const top = hits.find((hit) => hit.id === askedAsId) ?? hits[0];
  if (!top || (top.id !== askedAsId && (top.score < MIN_SCORE || top.coverage < MIN_COVERAGE))) return undefined;
  const entry = entryById(top.id);
  const relatedIds = (entry.related ?? []).filter(accept);
  for (const hit of hits) {
    if (relatedIds.length >= 3) break;
    if (hit.id !== top.id && hit.score >= top.score * 0.6 && !relatedIds.includes(hit.id)) relatedIds.push(hit.id);
  }
  const related = relatedIds.slice(0, 3).map((id) => ({ id, title: entryById(id).title }));
  return { entry, related };
}
