import type { PanelSources, PanelState } from '../panel-contract.js';
import { answeringText } from './realtime.js';

/** The one snapshot the panel renders from, read from the element's panel controller as it is now. */
export function snapshotOf({ host, parts, view, sessions }: PanelSources): PanelState {
  const { mode, showing, words, userId, sessionId, placeholder, messages, suggestions } = host;
  const { conversation, announcer, loader, transport, realtime } = parts;
  const { draft, ended, copiedId, retryAt, stream } = conversation;
  return {
    mode,
    showing,
    words,
    lang: host.closest('[lang]')?.getAttribute('lang') ?? '',
    userId,
    sessionId,
    placeholder,
    messages,
    suggestions,
    view,
    sessions,
    tenantName: transport.tenant || words.title,
    unrendered: loader.scroll?.unrendered ?? 0,
    draft,
    ended,
    copiedId,
    retryAt,
    busy: stream.busy,
    said: announcer.said,
    connection: realtime.state,
    typing: realtime.typing,
    answering: answeringText(realtime.agent, realtime.waiting, words),
  };
}
