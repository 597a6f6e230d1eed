import { useState } from 'react';
import 'mooni-embed'; // registers <mooni-frame>
import type {} from 'mooni-embed/jsx'; // <mooni-frame> in JSX.IntrinsicElements
import { useMooniChat } from 'mooni-embed/react';

export function App() {
  const [answers, setAnswers] = useState<string[]>([]);
  // The headless chat of mooni-embed/react, beside the element: the same backend, the app's own UI.
  const { messages, sendMessage } = useMooniChat();
  const [question, setQuestion] = useState('');
  return (
    <>
      <mooni-frame
        api-key="mooni_demo_key"
        organization-id="shop"
        strings={{ openChat: 'Ask the shop (React)' }}
        onmooni-answer={(event) => setAnswers([...answers, event.detail.message.text])}
      />
      <p>Answers: {answers.length}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void sendMessage({ type: 'text', content: question });
        }}
      >
        <input aria-label="Headless question" value={question} onChange={(event) => setQuestion(event.target.value)} />
        <button type="submit">Ask headless</button>
      </form>
      <div role="log" aria-label="Headless answers">
        {messages.map((message) => (
          <p key={message.id}>{message.text}</p>
        ))}
      </div>
    </>
  );
}
