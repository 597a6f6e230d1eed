import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import 'mooni-embed'; // registers <mooni-frame>
import type { MooniEventMap, MooniStrings } from 'mooni-embed';

@Component({
  selector: 'app-root',
  // Angular has no template typings for custom elements: the schema lets it bind their properties and events.
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <mooni-frame
      api-key="mooni_demo_key"
      organization-id="shop"
      [strings]="strings"
      (mooni-answer)="onAnswer($event)"
    ></mooni-frame>
    <p>Answers: {{ answers().length }}</p>
  `,
})
export class App {
  readonly strings: Partial<MooniStrings> = { openChat: 'Ask the shop (Angular)' };
  readonly answers = signal<string[]>([]);

  // Angular types a custom element's events as Event; the detail is the element's `mooni-answer` detail.
  onAnswer(event: Event) {
    const { message } = (event as CustomEvent<MooniEventMap['mooni-answer']>).detail;
    this.answers.update((answers) => [...answers, message.text]);
  }
}
