import { waitUntil } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';

export interface FeedbackItem {
  action_taken: string;
  was_helpful?: boolean;
  notes?: string;
}

/** Feedback the mock recorded for a session (its admin API). */
export async function recordedFeedback(sessionId: string): Promise<FeedbackItem[]> {
  const response = await fetch(`/__mock/feedback?session=${encodeURIComponent(sessionId)}`);
  if (!response.ok) throw new Error(`GET /__mock/feedback answered ${response.status}`);
  return ((await response.json()) as { items: FeedbackItem[] }).items;
}

/** Waits until the mock has a feedback item for `action` and returns it. */
export async function waitForFeedback(sessionId: string, action: string): Promise<FeedbackItem> {
  let found: FeedbackItem | undefined;
  await waitUntil(
    async () => (found = (await recordedFeedback(sessionId)).find((item) => item.action_taken === action)),
    `no feedback for ${action} recorded at the mock`,
    { timeout: 5000 },
  );
  return found!;
}

/** A real mouse click in the middle of an element (also inside shadow roots). */
export async function clickOn(element: Element): Promise<void> {
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/** Adds a script tag with data-* attributes and waits for it to load (a module re-runs with a new query). */
export function loadScript(src: string, data: Record<string, string> = {}, type: 'module' | 'classic' = 'module') {
  return new Promise<HTMLScriptElement>((resolve, reject) => {
    const script = document.createElement('script');
    if (type === 'module') script.type = 'module';
    script.src = src;
    for (const [key, value] of Object.entries(data)) script.setAttribute(`data-${key}`, value);
    script.onload = () => resolve(script);
    script.onerror = () => reject(new Error(`${src} failed to load`));
    document.head.append(script);
  });
}

/** The text of the chat's message log, as a user would read it. */
export function logText(frame: Element): string {
  return frame.shadowRoot?.querySelector('[role="log"]')?.textContent?.replace(/\s+/g, ' ') ?? '';
}
