/** Longest question the API accepts (001). */
export const MAX_QUESTION = 500;
/**
 * Longest answer text shown, in characters (about 100 KB): a longer answer is cut there with a note that
 * says so, and the stream stops growing it, so no answer can make the page's work unbounded.
 */
export const MAX_ANSWER = 100_000;
/**
 * Cost of newly settled Markdown rendered per update: its characters, plus a share per element and text node. An answer
 * that arrives faster (a long one in a single event) is shown over several updates, each its own short task, the
 * browser painting in between.
 */
export const RENDER_BUDGET = 12_000;
