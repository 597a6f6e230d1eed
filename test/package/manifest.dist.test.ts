// dist/custom-elements.json and the IDE data made from it, checked against the official schema, the packed
// tarball and the element's own code (its typings, decorators, event map, views and styles). Needs `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import ts from 'typescript';
import type { ClassDeclaration, Package } from 'custom-elements-manifest/schema.js';

const require = createRequire(import.meta.url);
const read = (path: string) => readFileSync(path, 'utf8');
const manifest: Package = JSON.parse(read('dist/custom-elements.json'));
const pkg = JSON.parse(read('package.json'));

const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((item): item is ClassDeclaration => item.kind === 'class' && item.name === 'MooniFrame') as ClassDeclaration & {
  tagName?: string;
  attributes?: { name: string; fieldName?: string }[];
  events?: { name: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  slots?: { name: string }[];
};
const names = (items: { name: string }[] | undefined) => (items ?? []).map((item) => item.name).sort();

function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  return JSON.parse(out)[0].files.map((file: { path: string }) => file.path);
}

function sourceOf(path: string) {
  return ts.createSourceFile(path, read(path), ts.ScriptTarget.Latest, true);
}

test('the manifest is valid against the custom-elements-manifest 2.1.0 schema', () => {
  const schema = JSON.parse(read(require.resolve('custom-elements-manifest/schema.json')));
  assert.equal(JSON.parse(read(require.resolve('custom-elements-manifest/package.json'))).version, '2.1.0');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(manifest), JSON.stringify(validate.errors, null, 2));
  for (const module of manifest.modules)
    for (const declaration of module.declarations ?? []) assert.ok(declaration.name, `unnamed in ${module.path}`);
});

test('every module path and export reference is a file of the packed tarball (dist/…, no leading slash)', () => {
  const files = new Set(packedFiles());
  for (const module of manifest.modules) {
    assert.match(module.path, /^dist\//);
    assert.ok(files.has(module.path), `${module.path} is not in the tarball`);
    for (const item of module.exports ?? []) {
      const target = item.declaration.module;
      if (target) assert.ok(files.has(target), `${item.name} points at ${target}`);
    }
  }
  for (const field of ['customElements', 'web-types'])
    assert.ok(files.has(pkg[field].replace(/^\.\//, '')), `${field}: ${pkg[field]}`);
});

test('the element is described from its JSDoc, and registered as <mooni-frame> by the module it is in', () => {
  assert.equal(element.tagName, 'mooni-frame');
  assert.match(element.description ?? '', /customer-help chat/);
  assert.ok(element.summary);
  const definition = manifest.modules
    .flatMap((module) => module.exports ?? [])
    .find((item) => item.kind === 'custom-element-definition');
  assert.equal(definition?.name, 'mooni-frame');
  assert.match(read(definition!.declaration.module!), /customElements\.define\(/);
});

test('every public property and method of the element’s typings is in the manifest, and nothing private', () => {
  const source = sourceOf('dist/chat/mooni-frame.component.d.ts');
  const declared = source.statements.find(ts.isClassDeclaration)!;
  const publicNames = declared.members
    .filter((member) => !ts.isConstructorDeclaration(member))
    .filter(
      (member) =>
        member.name &&
        !ts.isPrivateIdentifier(member.name) &&
        !(
          ts.getCombinedModifierFlags(member as ts.Declaration) &
          (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)
        ),
    )
    .map((member) => member.name!.getText(source));
  assert.ok(publicNames.includes('apiKey') && publicNames.includes('show'));
  assert.deepEqual(names(element.members), [...new Set(publicNames)].sort());
});

test('every attribute of the element’s decorators is in the manifest, with its property', () => {
  const source = sourceOf('src/chat/mooni-frame.component.ts');
  const attributes: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isPropertyDeclaration(node))
      for (const decorator of ts.getDecorators(node) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText(source) !== 'property') continue;
        const options = call.arguments[0];
        const option =
          options && ts.isObjectLiteralExpression(options)
            ? options.properties.find((item) => item.name?.getText(source) === 'attribute')
            : undefined;
        const value = option && ts.isPropertyAssignment(option) ? option.initializer : undefined;
        if (value?.kind === ts.SyntaxKind.FalseKeyword) continue;
        const name = value && ts.isStringLiteral(value) ? value.text : node.name.getText(source).toLowerCase();
        attributes.push(`${name}=${node.name.getText(source)}`);
      }
    ts.forEachChild(node, visit);
  };
  visit(source);
  assert.equal(attributes.length, 18); // position and user-token are the newest
  assert.deepEqual(
    (element.attributes ?? []).map((item) => `${item.name}=${item.fieldName}`).sort(),
    attributes.sort(),
  );
});

test('every event of the element’s event map is in the manifest', () => {
  const source = sourceOf('src/chat/events.ts');
  const map = source.statements.find(
    (item): item is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(item) && item.name.text === 'MooniEventMap',
  )!;
  const events = map.members.map((member) => (member.name as ts.StringLiteral).text).sort();
  assert.ok(events.length >= 9);
  assert.deepEqual(names(element.events), events);
});

test('every part the views draw and every --mooni-* property the styles read is in the manifest; no slots', () => {
  const views = readdirSync('src/chat/views').map((file) => read(`src/chat/views/${file}`));
  const drawn = new Set<string>();
  for (const text of views) {
    for (const [, value] of text.matchAll(/part="([^"]+)"/g))
      // `message ${m.role}-message`: a message has its role's part too (the roles of ChatMessage), and an
      // agent's answer `agent-message` (`${m.author ? ' agent-message' : ''}`).
      for (const part of value.replace(/\$\{m\.author \? ' agent-message' : ''\}/, ' agent-message').split(/\s+/))
        for (const name of part.includes('${m.role}')
          ? ['user', 'bot', 'host'].map((role) => `${role}-message`)
          : [part])
          drawn.add(name);
    for (const [, name] of text.matchAll(/setAttribute\('part', '([^']+)'\)/g)) drawn.add(name);
    for (const [, name] of text.matchAll(/action\([^,]+, '([a-z-]+)'/g)) drawn.add(name);
  }
  assert.equal(drawn.size, 19, [...drawn].join(' '));
  assert.deepEqual(names(element.cssParts), [...drawn].sort());

  const styles = ['src/chat/mooni-frame.styles.ts', 'src/chat/panel.styles.ts'].map(read).join('\n');
  const properties = new Set([...styles.matchAll(/var\((--mooni-[a-z-]+)/g)].map(([, name]) => name));
  assert.deepEqual(names(element.cssProperties), [...properties].sort());

  const markup = readdirSync('src/chat', { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .some((file) => read(`src/chat/${file}`).includes('<slot'));
  assert.equal(markup, false);
  assert.deepEqual(names(element.slots), []);
});

test('VS Code custom data and web-types describe the same attributes, events, parts and CSS properties', () => {
  const html = JSON.parse(read('dist/vscode.html-custom-data.json'));
  const css = JSON.parse(read('dist/vscode.css-custom-data.json'));
  const webTypes = JSON.parse(read('dist/web-types.json'));
  const [tag] = html.tags;
  assert.equal(tag.name, 'mooni-frame');
  assert.deepEqual(names(tag.attributes), names(element.attributes));
  assert.deepEqual(
    tag.attributes.find((item: { name: string }) => item.name === 'mode').values.map((v: { name: string }) => v.name),
    ['launcher', 'inline'],
  );
  for (const part of names(element.cssParts)) assert.match(tag.description.value, new RegExp(`\`${part}\``));
  assert.deepEqual(names(css.properties), names(element.cssProperties));
  assert.deepEqual(
    names(css.pseudoElements),
    names(element.cssParts).map((name) => `::part(${name})`),
  );
  const [webElement] = webTypes.contributions.html.elements;
  assert.equal(webTypes.name, pkg.name);
  assert.equal(webTypes.version, pkg.version);
  assert.equal(webElement.name, 'mooni-frame');
  assert.deepEqual(names(webElement.attributes), names(element.attributes));
  assert.deepEqual(names(webElement.js.events), names(element.events));
  assert.deepEqual(names(webTypes.contributions.css.parts), names(element.cssParts));
  assert.deepEqual(names(webTypes.contributions.css.properties), names(element.cssProperties));
});
