// `cem analyze` configuration: custom-elements.json from the elements' JSDoc (Lit, legacy
// decorators). Our elements register through `define(tag, Class)` (src/define.ts, which
// tolerates a second registration); this plugin teaches the analyzer that call.
const defineCall = () => ({
  name: 'parley-define',
  analyzePhase({ ts, node, moduleDoc }) {
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'define') return;
    const [tag, ctor] = node.arguments;
    if (!tag || !ctor || !ts.isStringLiteral(tag) || !ts.isIdentifier(ctor)) return;
    const declaration = moduleDoc.declarations?.find((d) => d.name === ctor.text);
    if (!declaration) return;
    declaration.tagName = tag.text;
    declaration.customElement = true;
    moduleDoc.exports = [
      ...(moduleDoc.exports ?? []),
      { kind: 'custom-element-definition', name: tag.text, declaration: { name: ctor.text, module: moduleDoc.path } },
    ];
  },
});

/** Points the manifest at the files npm users import (`dist/x.js`), not the TypeScript sources. */
const distPaths = () => ({
  name: 'parley-dist-paths',
  packageLinkPhase({ customElementsManifest }) {
    const toDist = (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js');
    const visit = (value) => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        for (const [key, v] of Object.entries(value)) {
          if ((key === 'path' || key === 'module') && typeof v === 'string') value[key] = toDist(v);
          else visit(v);
        }
      }
    };
    visit(customElementsManifest.modules);
  },
});

export default {
  globs: ['src/base*.ts', 'src/parley-*.ts'],
  // parley-share-fediverse.ts is the comment server's share page's form, not an element for pages.
  exclude: ['src/**/*.test.ts', 'src/**/*.styles.ts', 'src/**/*.batch.ts', 'src/parley-share-fediverse.ts'],
  outdir: 'dist',
  litelement: true,
  plugins: [defineCall(), distPaths()],
};
