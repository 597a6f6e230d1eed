import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import styles from './mooni-frame.styles.js';

/**
 * @summary A customer-help chat launcher and panel that streams answers from the Mooni Chat API.
 *
 * @csspart launcher - The floating button that opens the panel.
 */
export default class MooniFrame extends LitElement {
  static override styles = styles;

  /** Whether the panel is open. */
  @property({ type: Boolean, reflect: true }) open = false;

  override render() {
    return html`<button part="launcher" aria-expanded=${this.open ? 'true' : 'false'} aria-label="Open chat">
      Chat
    </button>`;
  }
}
