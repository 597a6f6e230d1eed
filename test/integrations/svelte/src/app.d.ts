import type {} from 'mooni-embed/svelte'; // <mooni-frame> in Svelte's SvelteHTMLElements
