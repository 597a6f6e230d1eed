/** Adds one passive listener for each of the space-separated `types`; returns the function that removes them. */
export const listen = <E extends Event>(
  target: EventTarget,
  types: string,
  fn: (event: E) => void,
  capture = true,
): (() => void) => {
  const names = types.split(' ');
  const options = { capture, passive: true };
  // The caller names the event type that its `types` deliver.
  const listener = fn as EventListener;
  for (const name of names) target.addEventListener(name, listener, options);
  return () => {
    for (const name of names) target.removeEventListener(name, listener, options);
  };
};

/**
 * Text fields: where clicks place the caret (not rage) and where key timing means typing. Inputs count
 * unless their type starts like button, checkbox, radio/range, submit, reset, image, color, file, hidden.
 */
export const isTextField = (target: EventTarget | null): boolean => {
  // Any target: on one that is not an element these properties read as undefined.
  const el = target as Partial<HTMLInputElement> | null;
  return (
    !!el &&
    (!!el.isContentEditable ||
      el.tagName === 'TEXTAREA' ||
      (el.tagName === 'INPUT' && !/^(bu|ch|ra|su|re|im|co|fi|hi)/.test(el.type ?? '')))
  );
};
