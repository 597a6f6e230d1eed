/**
 * Clicks that are not a request for something to happen, besides those in a text field (placing the caret): in an
 * element marked `data-mooni-no-rage` (or inside one), or selecting text (a double or triple click on words).
 */
export const isMarkedNoRage = (target: Element): boolean => target.closest('[data-mooni-no-rage]') !== null;

/** The click left a selection of text behind it: it was selecting words, not asking for something to happen. */
export const isSelectingText = (selection: Selection | null): boolean => selection !== null && !selection.isCollapsed;
