/**
 * What an intervention shows (the proactive line, the help-topic cards, the nudge and the exit offer), loaded
 * when the first intervention fires: a closed launcher that never intervenes does not download it. The script-tag
 * bundle loads it as mooni-interventions.js from beside itself; its Lit is the bundle's (panel-runtime.ts).
 */
import type { Card } from '../chat/model.js';
import type { MooniFrame } from '../chat/mooni-frame.js';
import { showBubble } from './bubble.js';
import type { InterventionKind } from './interventions.js';
import type { EmbedTexts, HelpTopic, MooniOptions } from './mooni-api.js';

const TEXTS: EmbedTexts = {
  proactive: "Looks like something isn't working — can I help?",
  nudge: 'Need a hand? Ask us anything.',
  nudgeOpen: 'Ask a question',
  dismiss: 'Dismiss',
  recommendations: 'A few things people often look for:',
  exitTitle: 'Before you go',
  exitSubtitle: 'Is something holding you back? We answer in seconds.',
  exitButton: 'Ask a question',
  exitQuestion: 'I have a question before I decide',
};

const TOPICS: HelpTopic[] = [
  { title: 'Delivery', question: 'How long does delivery take?' },
  { title: 'Returns', question: 'How do I return an item?' },
  { title: 'Payment', question: 'Why did my payment fail?' },
];

const card = (title: string, subtitle: string | undefined, label: string, message = label): Card => ({
  title,
  subtitle,
  buttons: [{ type: 'message', label, message }],
});

const isWebUrl = (url: string | undefined): url is string => {
  try {
    return !!url && /^https?:$/.test(new URL(url, location.href).protocol);
  } catch {
    return false;
  }
};

/** The visitor's response to what is shown: engaging (`true`) or dismissing (`false`), with a note. */
export type Respond = (wasHelpful: boolean, notes: string) => void;

/** Shows the intervention `kind`; returns the bubble it put in the page, if any (removed once settled). */
export function present(
  kind: Exclude<InterventionKind, 'none'>,
  frame: MooniFrame,
  options: MooniOptions,
  respond: Respond,
): HTMLElement | undefined {
  const texts = { ...TEXTS, ...options.texts };
  if (kind === 'open_chat') {
    // Focus stays where the visitor has it: the element announces the proactive line in its live region.
    frame.show('intervention');
    frame.say(texts.proactive);
    return;
  }
  if (kind === 'recommendations') {
    // The cards wait in the chat: nothing appears until the visitor opens it.
    const cards = (options.recommendations ?? TOPICS).map((h) => card(h.title, h.subtitle, h.question));
    frame.say({ text: texts.recommendations, templates: [{ type: 'card', cards }] });
    return;
  }
  if (kind === 'nudge') {
    const question =
      options.question ?? document.querySelector<HTMLMetaElement>('meta[name="mooni:question"]')?.content;
    return showBubble({
      label: texts.nudge,
      text: texts.nudge,
      action: question || texts.nudgeOpen,
      dismiss: texts.dismiss,
      lang: frame.lang,
      scheme: getComputedStyle(frame).colorScheme,
      // Asked before responding, so the conversation it starts counts as started by the intervention.
      onAction: () => (question ? frame.send(question) : frame.show(), respond(true, 'engaged: nudge')),
      onDismiss: () => respond(false, 'dismissed: nudge'),
    });
  }
  return showBubble({
    label: texts.exitTitle,
    title: texts.exitTitle,
    text: texts.exitSubtitle,
    action: texts.exitButton,
    dismiss: texts.dismiss,
    lang: frame.lang,
    scheme: getComputedStyle(frame).colorScheme,
    // The visitor asked for it: the chat opens ready to type (focus in the textbox), nothing is sent.
    onAction: () => {
      respond(true, 'engaged: exit_offer');
      if (isWebUrl(options.exitOfferUrl)) location.assign(options.exitOfferUrl);
      else frame.show();
    },
    onDismiss: () => respond(false, 'dismissed: exit_offer'),
  });
}
