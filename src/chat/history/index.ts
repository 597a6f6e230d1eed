export { loadConversation, saveConversation } from './local.js';
export { fetchRemoteSessions, type RemoteSessionsOptions } from './remote.js';
