export { normalizeTemplate, textTemplate } from './normalize.js';
export { channelResultToTemplates } from './channel-result.js';
export { LIMITS as TEMPLATE_LIMITS } from './limits.js';
