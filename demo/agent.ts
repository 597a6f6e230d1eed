/**
 * The agent console (QA): lists the realtime channel's conversations, shows the chosen one's transcript live,
 * and answers as a named agent. It talks to the mock's /realtime/agent socket (npm start, npm run mock); the
 * server's text is only ever set as textContent.
 */
import { DEMO_AGENT_KEY } from '../src/mock/realtime/hub.js';

interface Message {
  id: string;
  from: 'user' | 'bot' | 'agent';
  name?: string;
  text: string;
}
interface Conversation {
  id: string;
  handoff: 'bot' | 'waiting' | 'agent';
  agent?: string;
  visitorsOnline: number;
  transcript: Message[];
  pageTranscript: { from: string; text: string }[];
}

const STATE_WORDS: Record<Conversation['handoff'], string> = {
  bot: 'with the bot',
  waiting: 'waiting for a person',
  agent: 'with',
};

const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = element<HTMLUListElement>('conversations');
const transcript = element<HTMLOListElement>('transcript');
const form = element<HTMLFormElement>('reply');
const textbox = element<HTMLTextAreaElement>('reply-text');
const nameInput = element<HTMLInputElement>('agent-name');
const connection = element<HTMLParagraphElement>('connection');
const visitorTyping = element<HTMLParagraphElement>('visitor-typing');
const acceptButton = element<HTMLButtonElement>('accept');
const releaseButton = element<HTMLButtonElement>('release');
const sendButton = form.querySelector('button[type="submit"]') as HTMLButtonElement;

const conversations = new Map<string, Conversation>();
let selected: string | undefined;
let socket: WebSocket | undefined;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
let typing = false;
let frameCounter = 0;

const send = (frame: Record<string, unknown>) => {
  if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ id: `a_${++frameCounter}`, ...frame }));
};

function renderList() {
  list.replaceChildren(
    ...[...conversations.values()]
      .sort((a, b) => Number(b.handoff === 'waiting') - Number(a.handoff === 'waiting'))
      .map((conversation) => {
        const item = document.createElement('li');
        const button = document.createElement('button');
        const last = conversation.transcript.at(-1)?.text ?? '';
        const state = document.createElement('span');
        state.className = 'state';
        state.textContent = `${STATE_WORDS[conversation.handoff]}${conversation.handoff === 'agent' ? ` ${conversation.agent}` : ''} · ${
          conversation.visitorsOnline ? 'online' : 'away'
        }`;
        button.append(`${conversation.id.slice(0, 8)} — ${last.slice(0, 40)}`, state);
        button.setAttribute('aria-current', String(conversation.id === selected));
        button.addEventListener('click', () => select(conversation.id));
        item.append(button);
        return item;
      }),
  );
  element('none').hidden = conversations.size > 0;
}

function renderTranscript() {
  const conversation = selected ? conversations.get(selected) : undefined;
  const line = (who: string, text: string) => {
    const item = document.createElement('li');
    const author = document.createElement('span');
    author.className = 'who';
    author.textContent = `${who}: `;
    item.append(author, text);
    return item;
  };
  transcript.replaceChildren(
    ...(conversation?.pageTranscript ?? []).map((entry) => line(`${entry.from} (on the page)`, entry.text)),
    ...(conversation?.transcript ?? []).map((message) =>
      line(
        message.from === 'agent' ? (message.name ?? 'Agent') : message.from === 'user' ? 'Visitor' : 'Bot',
        message.text,
      ),
    ),
  );
  transcript.scrollTop = transcript.scrollHeight;
  const usable = !!conversation && socket?.readyState === WebSocket.OPEN;
  textbox.disabled = sendButton.disabled = !usable;
  acceptButton.disabled = !usable || conversation?.handoff === 'agent';
  releaseButton.disabled = !usable || conversation?.handoff === 'bot';
}

function select(id: string) {
  selected = id;
  visitorTyping.textContent = '';
  renderList();
  renderTranscript();
}

function receive(frame: Record<string, unknown>) {
  switch (frame.type) {
    case 'conversations':
      for (const conversation of frame.items as Conversation[]) conversations.set(conversation.id, conversation);
      break;
    case 'conversation': {
      const conversation = frame.conversation as Conversation;
      conversations.set(conversation.id, conversation);
      break;
    }
    case 'message': {
      const conversation = conversations.get(String(frame.conversationId));
      const message = frame as unknown as Message;
      if (conversation && !conversation.transcript.some((known) => known.id === message.id))
        conversation.transcript.push(message);
      break;
    }
    case 'typing':
      if (frame.conversationId === selected && frame.from === 'user')
        visitorTyping.textContent = frame.typing ? 'The visitor is typing…' : '';
      return;
    default:
      return;
  }
  if (!selected && conversations.size) selected = [...conversations.keys()][0];
  renderList();
  renderTranscript();
}

function connect() {
  const url = new URL('/realtime/agent', location.href);
  url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set('key', DEMO_AGENT_KEY);
  url.searchParams.set('name', nameInput.value.trim() || 'Agent');
  const current = (socket = new WebSocket(url));
  current.onopen = () => (connection.textContent = `Connected as ${nameInput.value.trim() || 'Agent'}.`);
  current.onmessage = (event) => receive(JSON.parse(String(event.data)));
  current.onclose = () => {
    if (current !== socket) return;
    connection.textContent = 'Disconnected. Reconnecting…';
    renderTranscript();
    setTimeout(connect, 1000);
  };
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const content = textbox.value.trim();
  if (!content || !selected) return;
  send({ type: 'agent_message', conversationId: selected, content });
  textbox.value = '';
  typing = false;
});
textbox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) form.requestSubmit();
});
textbox.addEventListener('input', () => {
  if (!selected) return;
  if (!typing) send({ type: 'typing', conversationId: selected, typing: (typing = true) });
  clearTimeout(typingTimer);
  typingTimer = setTimeout(
    () => selected && send({ type: 'typing', conversationId: selected, typing: (typing = false) }),
    3000,
  );
});
acceptButton.addEventListener('click', () => selected && send({ type: 'accept', conversationId: selected }));
releaseButton.addEventListener('click', () => selected && send({ type: 'release', conversationId: selected }));
nameInput.addEventListener('change', () => {
  const previous = socket;
  socket = undefined;
  previous?.close();
  connect();
});

connect();
