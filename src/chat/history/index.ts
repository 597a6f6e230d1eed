export {
  loadConversation,
  saveConversation,
  deleteConversation,
  listLocalConversations,
  type LocalConversation,
} from './local.js';
export { fetchRemoteSessions, type RemoteSessionsOptions } from './remote.js';
