/**
 * Clicks that are not a request for something to happen: in a text field (placing the caret), in an element
 * marked `data-mooni-no-rage` (or inside one), or selecting text (a double or triple click on words).
 */
export const isDeliberateNonAction = (target: Element, selection: Selection | null): boolean =>
  target.closest('[data-mooni-no-rage]') !== null || (selection !== null && !selection.isCollapsed);
