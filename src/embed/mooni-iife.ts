import '../chat/mooni-frame.js';
