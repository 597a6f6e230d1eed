/**
 * A 002 Template Object with every field present and empty, as the gateway sends them:
 * tests spread it and set only the fields their case is about.
 */
export const EMPTY_TEMPLATE_002 = {
  'channel-name': 'default',
  template: '',
  'image-url': '',
  'upload-type': '',
  'quick-replies': [],
  'card-list': [],
};
