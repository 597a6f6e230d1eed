// Generates dist/custom-elements.json from the element's JSDoc (`npm run build` runs it).
//
// The analyzer reads the TypeScript sources, but the package ships bundles: the element's class and its
// registration live in dist/mooni.js. Tools resolve `modules[].path` against the package, so the manifest
// describes that file, and leaves out the modules that are internal (they are not in the tarball).

/** The shipped ES module that declares and registers `<mooni-frame>` (the package's main entry). */
export const ELEMENT_MODULE = 'dist/mooni.js';

const isPublic = (member) => !member.privacy || member.privacy === 'public';

/** Folds the element's source modules into the one shipped module, without private members. */
export function shippedModules(modules) {
  const elements = modules.flatMap((module) => module.declarations ?? []).filter((item) => item.customElement);
  const definitions = modules
    .flatMap((module) => module.exports ?? [])
    .filter((item) => item.kind === 'custom-element-definition');
  const declarations = elements.map((element) => ({ ...element, members: (element.members ?? []).filter(isPublic) }));
  const reference = (name) => ({ name, module: ELEMENT_MODULE });
  return [
    {
      kind: 'javascript-module',
      path: ELEMENT_MODULE,
      declarations,
      exports: [
        ...declarations.map((element) => ({ kind: 'js', name: element.name, declaration: reference(element.name) })),
        ...definitions.map((definition) => ({
          kind: 'custom-element-definition',
          name: definition.name,
          declaration: reference(definition.declaration.name),
        })),
      ],
    },
  ];
}

export default {
  globs: ['src/chat/mooni-frame.component.ts', 'src/chat/mooni-frame.ts'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      name: 'mooni-shipped-paths',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules = shippedModules(customElementsManifest.modules);
        // The package's README is the catalog's; an empty override would hide it.
        if (!customElementsManifest.readme) delete customElementsManifest.readme;
      },
    },
  ],
};
