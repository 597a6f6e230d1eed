/** Adds one passive listener for each of the space-separated `types`; returns the function that removes them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy tracker typing, to be replaced by the tracker module split
export const listen = (target: EventTarget, types: string, fn: (e: any) => void, capture = true): (() => void) => {
  const names = types.split(' ');
  const o = { capture, passive: true };
  for (const t of names) target.addEventListener(t, fn, o);
  return () => {
    for (const t of names) target.removeEventListener(t, fn, o);
  };
};

/**
 * Text fields: where clicks place the caret (not rage) and where key timing means typing. Inputs count
 * unless their type starts like button, checkbox, radio/range, submit, reset, image, color, file, hidden.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy tracker typing, to be replaced by the tracker module split
export const isTextField = (el: any): boolean =>
  !!el &&
  (el.isContentEditable ||
    el.tagName === 'TEXTAREA' ||
    (el.tagName === 'INPUT' && !/^(bu|ch|ra|su|re|im|co|fi|hi)/.test(el.type)));
