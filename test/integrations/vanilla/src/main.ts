import 'mooni-embed'; // registers <mooni-frame>

// createElement('mooni-frame') is a MooniFrame (HTMLElementTagNameMap) and its events are typed.
const frame = document.createElement('mooni-frame');
frame.apiKey = 'mooni_demo_key';
frame.organizationId = 'shop';
frame.strings = { openChat: 'Ask the shop (TypeScript)' };

const answers: string[] = [];
frame.addEventListener('mooni-answer', (event) => {
  answers.push(event.detail.message.text);
  document.querySelector('#answers')!.textContent = `Answers: ${answers.length}`;
});
document.body.append(frame);
