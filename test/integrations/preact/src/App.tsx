import { useState } from 'preact/hooks';
import 'mooni-embed'; // registers <mooni-frame>
import type {} from 'mooni-embed/preact'; // <mooni-frame> in Preact's JSX.IntrinsicElements

export function App() {
  const [answers, setAnswers] = useState<string[]>([]);
  return (
    <>
      <mooni-frame
        api-key="mooni_demo_key"
        organization-id="shop"
        strings={{ openChat: 'Ask the shop (Preact)' }}
        onmooni-answer={(event) => setAnswers([...answers, event.detail.message.text])}
      />
      <p>Answers: {answers.length}</p>
    </>
  );
}
