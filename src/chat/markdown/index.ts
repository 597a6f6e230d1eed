export { renderMarkdown } from './render.js';
export { parseMarkdown } from './parse.js';
export { scanBlocks, type BlockScan } from './blocks.js';
export { parseInline } from './inline.js';
export type { Block, Inline } from './ast.js';
