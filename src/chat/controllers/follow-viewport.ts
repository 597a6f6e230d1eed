import type { ViewportHost } from './viewport-controller.js';

/** Where the launcher's panel fills the screen (mooni-frame.styles.ts says the same). */
const FULL_SCREEN = '(max-width: 480px)';

/**
 * Adds the viewport controller to an element whose panel module has just loaded, once its panel can fill the
 * screen: the controller is a chunk of its own (beside mooni-panel.js), which a wide window never loads.
 */
export function followViewport(host: ViewportHost): void {
  const query = matchMedia(FULL_SCREEN);
  const attach = () => {
    if (!query.matches) return;
    query.removeEventListener('change', attach);
    void import('./viewport-controller.js').then(({ ViewportController }) => {
      new ViewportController(host, query);
      // Its first look at the panel: an open panel is followed at once, not at the next render.
      host.requestUpdate();
    });
  };
  query.addEventListener('change', attach);
  attach();
}
