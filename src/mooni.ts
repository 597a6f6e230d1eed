export { MooniFrame } from './chat/mooni-frame.js';
