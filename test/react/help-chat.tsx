/** @jsxRuntime classic */
/** @jsx React.createElement */
// The README's React example, verbatim but for the import paths: a chat UI built only with useMooniChat.
import React from 'react';
import { MooniProvider, useMooniChat, type Template } from '../../src/react/index.js';

const { useState } = React;

function TemplateView({ template, send }: { template: Template; send: (text: string) => void }) {
  switch (template.type) {
    case 'quick_reply':
      return (
        <div role="group" aria-label={template.prompt || 'Quick replies'}>
          {template.replies.map((reply) =>
            reply.type === 'link' ? (
              <a key={reply.label} href={reply.url}>
                {reply.label}
              </a>
            ) : (
              <button key={reply.label} onClick={() => send(reply.message ?? reply.label)}>
                {reply.label}
              </button>
            ),
          )}
        </div>
      );
    case 'card':
      return (
        <ul aria-label="Cards">
          {template.cards.map((card) => (
            <li key={card.title}>
              <h4>{card.title}</h4>
              {card.subtitle && <p>{card.subtitle}</p>}
            </li>
          ))}
        </ul>
      );
    case 'image':
      return <img src={template.url} alt={template.alt} />;
    case 'code':
      return <pre>{template.code}</pre>;
    default:
      return <p>{template.text}</p>;
  }
}

export function HelpChat() {
  const { messages, sendMessage, isTyping, chatState, startChat, endChat } = useMooniChat();
  const [input, setInput] = useState('');
  const send = (text: string) => void sendMessage({ type: 'text', content: text });
  return (
    <section aria-label="Help">
      <header>
        <span>{chatState}</span>
        {chatState === 'active' ? <button onClick={endChat}>Close</button> : <button onClick={startChat}>Start</button>}
      </header>
      <div role="log">
        {messages.map((message) => (
          <article key={message.id} aria-label={message.role === 'user' ? 'You' : 'Assistant'}>
            <p>{message.text}</p>
            {message.templates.map((template, index) => (
              <TemplateView key={index} template={template} send={send} />
            ))}
          </article>
        ))}
        {isTyping && <p role="status">Typing…</p>}
      </div>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (input.trim()) send(input);
          setInput('');
        }}
      >
        <input aria-label="Question" value={input} onChange={(event) => setInput(event.target.value)} />
        <button type="submit">Send</button>
      </form>
    </section>
  );
}

export function App() {
  return (
    <MooniProvider apiKey="mooni_demo_key" apiBase="">
      <HelpChat />
    </MooniProvider>
  );
}
