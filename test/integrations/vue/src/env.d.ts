/// <reference types="vite/client" />
import type {} from 'mooni-embed/vue'; // <mooni-frame> in Vue's GlobalComponents, for vue-tsc
