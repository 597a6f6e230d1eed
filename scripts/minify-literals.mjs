// The source keeps its CSS and HTML templates formatted for people; the build minifies the `css` and `html`
// tagged literals of src/ (lightningcss for CSS, html-minifier-next for markup). Shared by every build.
import minifyHTMLLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

export const minifyLiterals = () => minifyHTMLLiterals({ include: ['src/**/*.ts'], failOnError: true });
