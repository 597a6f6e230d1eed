// Translations the demo passes to the widget: the element's `strings` (partial table) and the embed's
// intervention texts (`Mooni.config.texts`). English is the built-in default, so it is empty here.
import type { MooniStrings } from '../src/chat/strings.js';
import type { EmbedTexts } from '../src/embed/mooni-api.js';

export interface Locale {
  label: string;
  strings: Partial<MooniStrings>;
  texts: Partial<EmbedTexts>;
}

export const LOCALES: Record<string, Locale> = {
  en: { label: 'English', strings: {}, texts: {} },
  ko: {
    label: '한국어',
    strings: {
      title: '도움말',
      subtitle: '보통 바로 답변드려요',
      welcome: '안녕하세요! 무엇이든 물어보세요.',
      openChat: '채팅 열기',
      closeChat: '채팅 닫기',
      question: '질문',
      placeholder: '질문을 입력하세요…',
      send: '보내기',
      stop: '중지',
      retry: '다시 시도',
      helpful: '도움이 됐어요',
      notHelpful: '도움이 안 됐어요',
      related: '관련 질문',
      searching: '찾는 중…',
      newConversation: '새 대화',
      you: '나',
      bot: '상담봇',
    },
    texts: {
      proactive: '뭔가 잘 안 되시는 것 같아요 — 도와드릴까요?',
      nudge: '도움이 필요하세요? 무엇이든 물어보세요.',
      nudgeOpen: '질문하기',
      dismiss: '닫기',
      recommendations: '많이 찾는 도움말이에요:',
      exitTitle: '가시기 전에',
      exitSubtitle: '망설여지는 점이 있나요? 바로 답해 드려요.',
      exitButton: '질문하기',
      exitQuestion: '결정하기 전에 궁금한 게 있어요',
    },
  },
  es: {
    label: 'Español',
    strings: {
      title: 'Ayuda',
      subtitle: 'Solemos responder al momento',
      welcome: '¡Hola! Pregúntanos lo que quieras.',
      openChat: 'Abrir chat',
      closeChat: 'Cerrar chat',
      question: 'Tu pregunta',
      placeholder: 'Escribe una pregunta…',
      send: 'Enviar',
      stop: 'Detener',
      retry: 'Reintentar',
      helpful: 'Útil',
      notHelpful: 'No es útil',
      related: 'Preguntas relacionadas',
      searching: 'Buscando…',
      newConversation: 'Nueva conversación',
      you: 'Tú',
      bot: 'Asistente',
    },
    texts: {
      proactive: 'Parece que algo no funciona. ¿Te ayudo?',
      nudge: '¿Necesitas ayuda? Pregúntanos lo que quieras.',
      nudgeOpen: 'Hacer una pregunta',
      dismiss: 'Cerrar',
      recommendations: 'Lo que más se consulta:',
      exitTitle: 'Antes de irte',
      exitSubtitle: '¿Algo te frena? Respondemos en segundos.',
      exitButton: 'Hacer una pregunta',
      exitQuestion: 'Tengo una duda antes de decidir',
    },
  },
};
