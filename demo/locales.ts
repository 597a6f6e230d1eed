// Translations the demo passes to the widget: the element's `strings` and the embed's intervention texts
// (`Mooni.config.texts`), every one of them (test/chat/locales.node.test.ts checks). English is the built-in
// default, so it is empty here.
import type { MooniStrings } from '../src/chat/strings.js';
import type { EmbedTexts } from '../src/embed/mooni-api.js';

/** A translation: every UI string and every intervention text. */
export interface Translation {
  label: string;
  strings: MooniStrings;
  texts: EmbedTexts;
}

/** A locale as the QA panel's switch applies it: English is built in, so its tables are empty. */
export interface Locale {
  label: string;
  strings: Partial<MooniStrings>;
  texts: Partial<EmbedTexts>;
}

export const TRANSLATIONS: Record<string, Translation> = {
  ko: {
    label: '한국어',
    strings: {
      title: '도움말',
      subtitle: '보통 바로 답변드려요',
      welcome: '안녕하세요! 무엇이든 물어보세요.',
      messages: '메시지',
      earlier: '이전 메시지 보기',
      openChat: '채팅 열기',
      closeChat: '채팅 닫기',
      question: '질문',
      placeholder: '질문을 입력하세요…',
      send: '보내기',
      stop: '중지',
      retry: '다시 시도',
      copy: '복사',
      copied: '복사됨',
      helpful: '도움이 됐어요',
      notHelpful: '도움이 안 됐어요',
      related: '관련 질문',
      charsLeft: '{n}자 남음',
      overLimit: '{n} / 500자 — 보내려면 질문을 줄여 주세요',
      searching: '찾는 중…',
      stopped: '중지됨.',
      sendStops: '지금 보내면 작성 중인 답변이 중지돼요.',
      outOfScope: '죄송해요, 도움말에서 답을 찾지 못했어요.',
      fallback: '죄송해요, 이해하지 못했어요. 다르게 말씀해 주시겠어요?',
      badRequest: '질문을 보낼 수 없었어요.',
      missingQuery: '먼저 질문을 입력해 주세요.',
      tooLong: '질문이 너무 길어요: 최대 500자예요.',
      unavailable: '지금은 채팅을 이용할 수 없어요.',
      rateLimited: '질문이 너무 많아요. {n}초 후에 다시 시도할 수 있어요.',
      offline: '오프라인 상태인 것 같아요. 질문은 그대로 있으니 다시 연결되면 보내 주세요.',
      serverError: '문제가 생겼어요. 다시 시도해 주세요.',
      streamCut: '답변이 중간에 끊겼어요.',
      answerCut: '이 답변은 {n}자를 넘어서 나머지는 표시되지 않아요.',
      ended: '대화가 끝났어요.',
      startAgain: '다시 시작',
      newConversation: '새 대화',
      history: '지난 대화',
      back: '채팅으로 돌아가기',
      noHistory: '아직 지난 대화가 없어요.',
      historyFailed: '지난 대화를 불러오지 못했어요.',
      you: '나',
      bot: '상담봇',
      reconnecting: '다시 연결하는 중…',
      offlineChannel: '오프라인 상태예요. 다시 연결되면 메시지가 전송돼요.',
      unreadOne: '읽지 않은 메시지 {n}개',
      unreadMany: '읽지 않은 메시지 {n}개',
      typing: '{name} 님이 입력 중…',
      agent: '상담원',
      withAgent: '{name} 님과 대화 중이에요',
      waitingForAgent: '상담원이 연결되기를 기다리는 중…',
      talkToPerson: '상담원과 이야기하기',
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
      messages: 'Mensajes',
      earlier: 'Ver mensajes anteriores',
      openChat: 'Abrir chat',
      closeChat: 'Cerrar chat',
      question: 'Tu pregunta',
      placeholder: 'Escribe una pregunta…',
      send: 'Enviar',
      stop: 'Detener',
      retry: 'Reintentar',
      copy: 'Copiar',
      copied: 'Copiado',
      helpful: 'Útil',
      notHelpful: 'No es útil',
      related: 'Preguntas relacionadas',
      charsLeft: 'Quedan {n} caracteres',
      overLimit: '{n} / 500 caracteres: acorta tu pregunta para enviarla',
      searching: 'Buscando…',
      stopped: 'Detenida.',
      sendStops: 'Si envías ahora, se detiene la respuesta en curso.',
      outOfScope: 'Lo siento, no encontré respuesta a eso en nuestros artículos de ayuda.',
      fallback: 'Lo siento, no te he entendido. ¿Puedes decirlo de otra forma?',
      badRequest: 'No se pudo enviar esa pregunta.',
      missingQuery: 'Escribe primero una pregunta.',
      tooLong: 'La pregunta es demasiado larga: 500 caracteres como máximo.',
      unavailable: 'El chat no está disponible en este momento.',
      rateLimited: 'Demasiadas preguntas. Puedes reintentar en {n} s.',
      offline:
        'Parece que no tienes conexión. Tu pregunta se guarda: envíala de nuevo cuando vuelvas a tener conexión.',
      serverError: 'Algo salió mal. Inténtalo de nuevo.',
      streamCut: 'La respuesta se interrumpió.',
      answerCut: 'Esta respuesta supera los {n} caracteres: el resto no se muestra.',
      ended: 'Esta conversación ha terminado.',
      startAgain: 'Empezar de nuevo',
      newConversation: 'Nueva conversación',
      history: 'Conversaciones anteriores',
      back: 'Volver al chat',
      noHistory: 'Aún no hay conversaciones anteriores.',
      historyFailed: 'No se pudieron cargar las conversaciones anteriores.',
      you: 'Tú',
      bot: 'Asistente',
      reconnecting: 'Reconectando…',
      offlineChannel: 'Estás sin conexión. Los mensajes se enviarán cuando vuelvas a tener conexión.',
      unreadOne: '{n} mensaje sin leer',
      unreadMany: '{n} mensajes sin leer',
      typing: '{name} está escribiendo…',
      agent: 'Agente',
      withAgent: 'Estás hablando con {name}',
      waitingForAgent: 'Esperando a que se una una persona…',
      talkToPerson: 'Hablar con una persona',
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

export const LOCALES: Record<string, Locale> = { en: { label: 'English', strings: {}, texts: {} }, ...TRANSLATIONS };
