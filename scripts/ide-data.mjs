// IDE data and framework typings, generated from dist/custom-elements.json so that editors and type checkers
// see exactly what the manifest says: VS Code custom data (HTML and CSS), JetBrains web-types, and template
// typings for React, Preact, Svelte 5 and Vue 3. The typings take every type from the element's class and
// event map, so a manifest that drifts from the code fails to type-check.
import { readFileSync, writeFileSync } from 'node:fs';

const GENERATED = '// Generated from custom-elements.json by scripts/ide-data.mjs; do not edit.\n';

/** The custom-element declarations of a manifest, each with the module that ships it. */
export function elementsOf(manifest) {
  return manifest.modules.flatMap((module) =>
    (module.declarations ?? []).filter((item) => item.customElement).map((element) => ({ element, module })),
  );
}

/** The fields a page can set (public, writable), each with the attribute that sets it, if any. */
function settableFields(element) {
  const attributeOf = new Map((element.attributes ?? []).map((item) => [item.fieldName, item.name]));
  return (element.members ?? [])
    .filter((member) => member.kind === 'field' && !member.static && !member.readonly)
    .map((member) => ({ ...member, attribute: attributeOf.get(member.name) }));
}

/** `'a' | 'b'` → ['a', 'b']; any other type text → []. */
export function literalValues(typeText = '') {
  const parts = typeText.split('|').map((part) => part.trim());
  return parts.every((part) => /^'[^']*'$/.test(part)) ? parts.map((part) => part.slice(1, -1)) : [];
}

const docUrl = (pkg, tagName) => `${pkg.homepage.replace(/#.*$/, '')}#${tagName}`;

/** What a tag's hover shows in VS Code: the description, then its events, parts and CSS properties. */
function longDescription(element) {
  const sections = [
    ['Events', element.events],
    ['CSS parts', element.cssParts],
    ['CSS custom properties', element.cssProperties],
    ['Slots', element.slots],
  ]
    .filter(([, items]) => items?.length)
    .map(
      ([title, items]) =>
        `**${title}**\n\n${items.map((item) => `- \`${item.name}\`: ${item.description}`).join('\n')}`,
    );
  return [element.description, ...sections].join('\n\n');
}

export function vscodeHtmlData(manifest, pkg) {
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-html-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    tags: elementsOf(manifest).map(({ element }) => ({
      name: element.tagName,
      description: { kind: 'markdown', value: longDescription(element) },
      attributes: (element.attributes ?? []).map((attribute) => {
        const values = literalValues(attribute.type?.text);
        return {
          name: attribute.name,
          description: attribute.description,
          ...(attribute.type?.text === 'boolean' ? { valueSet: 'v' } : {}),
          ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
        };
      }),
      references: [{ name: 'Documentation', url: docUrl(pkg, element.tagName) }],
    })),
  };
}

export function vscodeCssData(manifest) {
  const elements = elementsOf(manifest).map(({ element }) => element);
  return {
    $schema: 'https://raw.githubusercontent.com/microsoft/vscode-css-languageservice/main/docs/customData.schema.json',
    version: 1.1,
    properties: elements.flatMap((element) =>
      (element.cssProperties ?? []).map((property) => ({
        name: property.name,
        description: `${property.description}${property.default ? ` Default: \`${property.default}\`.` : ''}`,
      })),
    ),
    pseudoElements: elements.flatMap((element) =>
      (element.cssParts ?? []).map((part) => ({
        name: `::part(${part.name})`,
        description: `<${element.tagName}>: ${part.description}`,
      })),
    ),
  };
}

export function webTypes(manifest, pkg) {
  const elements = elementsOf(manifest).map(({ element }) => element);
  const described = (item) => ({ name: item.name, description: item.description });
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    'js-types-syntax': 'typescript',
    contributions: {
      html: {
        elements: elements.map((element) => ({
          name: element.tagName,
          description: element.description,
          'doc-url': docUrl(pkg, element.tagName),
          attributes: (element.attributes ?? []).map((attribute) => ({
            ...described(attribute),
            ...(attribute.default ? { default: attribute.default } : {}),
            value: { type: attribute.type?.text ?? 'string' },
          })),
          slots: (element.slots ?? []).map(described),
          events: (element.events ?? []).map(described),
          js: {
            properties: (element.members ?? [])
              .filter((member) => member.kind === 'field')
              .map((member) => ({ ...described(member), type: member.type?.text })),
            events: (element.events ?? []).map(described),
          },
        })),
      },
      css: {
        properties: elements.flatMap((element) => (element.cssProperties ?? []).map(described)),
        parts: elements.flatMap((element) => (element.cssParts ?? []).map(described)),
      },
    },
  };
}

const pascal = (tagName) => tagName.replace(/(^|-)([a-z])/g, (_, __, letter) => letter.toUpperCase());
const comment = (text, indent) =>
  text ? `${indent}/** ${text.replace(/\*\//g, '*\\/').replace(/\n/g, `\n${indent} * `)} */\n` : '';
const key = (name) => (/^[a-zA-Z_$][\w$]*$/.test(name) ? name : `'${name}'`);

/**
 * The shared part of every framework's typing: per element, its attributes and attribute-less properties
 * (`<Name>Attributes`), typed from the class, and its events (`<Name>EventMap`: event name → event).
 */
export function elementTypes(manifest) {
  const blocks = elementsOf(manifest).map(({ element }) => {
    const name = pascal(element.tagName);
    const fields = settableFields(element).map((field) => {
      const type = `${element.name}['${field.name}']`;
      const description = field.attribute ? field.description : `Property only (no attribute). ${field.description}`;
      return `${comment(description, '  ')}  ${key(field.attribute ?? field.name)}?: ${type};\n`;
    });
    const events = (element.events ?? []).map(
      (event) =>
        `${comment(event.description, '  ')}  ${key(event.name)}: CustomEvent<MooniEventMap['${event.name}']>;\n`,
    );
    return (
      `/** What a template can set on \`<${element.tagName}>\`: its attributes, and the properties that have none. */\n` +
      `export interface ${name}Attributes {\n${fields.join('')}}\n\n` +
      `/** The events \`<${element.tagName}>\` fires, by name. */\n` +
      `export interface ${name}EventMap {\n${events.join('')}}\n`
    );
  });
  const classes = [...new Set(elementsOf(manifest).map(({ element }) => element.name))].join(', ');
  return `${GENERATED}import type { ${classes}, MooniEventMap } from './mooni.js';\n\n${blocks.join('\n')}`;
}

/** `on<event-name>` handler props, the spelling React 19, Preact and Svelte 5 listen to custom events with. */
const handlerProps = (name) => `{ [K in keyof ${name}EventMap as \`on\${K}\`]?: (event: ${name}EventMap[K]) => void }`;
/** Vue's spelling: `@mooni-open` in a template is the `onMooniOpen` prop. */
const vueHandlerProps = (name) =>
  `{ [K in keyof ${name}EventMap as \`on\${Capitalize<CamelCase<K & string>>}\`]?: (event: ${name}EventMap[K]) => void }`;

function frameworkTyping(manifest, { intro, imports, helpers = '', wrap, props }) {
  const elements = elementsOf(manifest).map(({ element }) => element);
  const names = elements.map((element) => pascal(element.tagName));
  const entries = elements.map((element, index) => `'${element.tagName}': ${props(names[index], element.name)};`);
  const types = names.flatMap((name) => [`${name}Attributes`, `${name}EventMap`]).join(', ');
  const classes = [...new Set(elements.map((element) => element.name))].filter((name) =>
    entries.some((entry) => entry.includes(`<${name}>`) || entry.includes(`<${name},`)),
  );
  return (
    `${GENERATED}/**\n * ${intro}\n */\n${imports}\n` +
    (classes.length ? `import type { ${classes.join(', ')} } from './mooni.js';\n` : '') +
    `import type { ${types} } from './element-types.js';\n\n` +
    `export type { ${types} };\n\n${helpers}${wrap(entries.join('\n'))}\n`
  );
}

const indent = (text, spaces) => text.replace(/^/gm, ' '.repeat(spaces));

export const frameworks = {
  jsx: (manifest) =>
    frameworkTyping(manifest, {
      intro:
        "React 19: `import type {} from 'mooni-embed/jsx'` once puts the elements in JSX.IntrinsicElements. React sets a\n * prop as a property when the element has one (`strings`, `fetcher`, `open`…), else as an attribute, and\n * listens to `onmooni-open`-style props.",
      imports: "import type { DetailedHTMLProps, HTMLAttributes } from 'react';",
      props: (name, cls) =>
        `DetailedHTMLProps<HTMLAttributes<${cls}>, ${cls}> & ${name}Attributes & ${handlerProps(name)}`,
      wrap: (entries) =>
        `declare module 'react' {\n  namespace JSX {\n    interface IntrinsicElements {\n${indent(entries, 6)}\n    }\n  }\n}`,
    }),
  preact: (manifest) =>
    frameworkTyping(manifest, {
      intro:
        "Preact: `import type {} from 'mooni-embed/preact'` once puts the elements in JSX.IntrinsicElements. Preact sets a\n * prop as a property when the element has one, else as an attribute, and listens to `onmooni-open`-style props.",
      imports: "import type { JSX, Ref } from 'preact';",
      // JSX.HTMLAttributes is gone in Preact 11 (HTMLAttributes moved to 'preact', which older 10.x lack):
      // a plain element's props, with the element's own ref, type the same in both.
      props: (name, cls) =>
        `Omit<JSX.IntrinsicElements['span'], 'ref'> & { ref?: Ref<${cls}> } & ${name}Attributes & ${handlerProps(name)}`,
      wrap: (entries) =>
        `declare module 'preact' {\n  namespace JSX {\n    interface IntrinsicElements {\n${indent(entries, 6)}\n    }\n  }\n}`,
    }),
  svelte: (manifest) =>
    frameworkTyping(manifest, {
      intro:
        "Svelte 5: `import type {} from 'mooni-embed/svelte'` once (e.g. in src/app.d.ts) types the elements in\n * templates. Svelte sets a prop as a property when the element has one, and listens to `onmooni-open`-style\n * attributes.",
      imports: "import type { HTMLAttributes } from 'svelte/elements';",
      props: (name, cls) => `HTMLAttributes<${cls}> & ${name}Attributes & ${handlerProps(name)}`,
      wrap: (entries) =>
        `declare module 'svelte/elements' {\n  interface SvelteHTMLElements {\n${indent(entries, 4)}\n  }\n}`,
    }),
  vue: (manifest) =>
    frameworkTyping(manifest, {
      intro:
        "Vue 3: `import type {} from 'mooni-embed/vue'` once (e.g. in env.d.ts) types the elements in templates (vue-tsc).\n * Vue sets a bound prop as a property when the element has one; `@mooni-open` listens to the event. Tell the\n * compiler they are custom elements: `isCustomElement: (tag) => tag.startsWith('mooni-')`.",
      imports: "import type { DefineComponent } from 'vue';",
      helpers:
        'type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`\n' +
        '  ? `${Head}${Capitalize<CamelCase<Tail>>}`\n  : S;\n\n',
      // Vue checks a template's `api-key` as the prop `apiKey`: props are declared in camelCase.
      props: (name) =>
        `DefineComponent<{ [K in keyof ${name}Attributes as CamelCase<K & string>]: ${name}Attributes[K] } & ` +
        `${vueHandlerProps(name)}>`,
      wrap: (entries) => `declare module 'vue' {\n  interface GlobalComponents {\n${indent(entries, 4)}\n  }\n}`,
    }),
};

/** Writes every IDE file and typing into `dir`, next to the manifest there. */
export function writeIdeData(dir, pkg) {
  const manifest = JSON.parse(readFileSync(`${dir}/custom-elements.json`, 'utf8'));
  const json = (value) => `${JSON.stringify(value, null, 2)}\n`;
  writeFileSync(`${dir}/vscode.html-custom-data.json`, json(vscodeHtmlData(manifest, pkg)));
  writeFileSync(`${dir}/vscode.css-custom-data.json`, json(vscodeCssData(manifest)));
  writeFileSync(`${dir}/web-types.json`, json(webTypes(manifest, pkg)));
  writeFileSync(`${dir}/element-types.d.ts`, elementTypes(manifest));
  for (const [name, typing] of Object.entries(frameworks)) {
    writeFileSync(`${dir}/${name}.d.ts`, typing(manifest));
    // A runtime import of a typing entry (`import 'mooni-embed/vue'`) finds an empty module instead of failing.
    writeFileSync(`${dir}/${name}.js`, `${GENERATED}export {};\n`);
  }
}
