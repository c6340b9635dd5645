// The script-tag build: one file a publisher's page loads from the comment server.
// The npm build is tsc's unbundled ESM in dist/ (Lit stays a dependency there).
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';

export default {
  // tsc's decorator helper reads top-level `this`; harmless in a module, so not worth a warning.
  onwarn(warning, warn) {
    if (warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
  },
  input: 'dist/embed.js',
  output: {
    dir: 'dist/cdn',
    format: 'iife',
    entryFileNames: 'embed.js',
    sourcemap: true,
    inlineDynamicImports: true,
  },
  plugins: [
    nodeResolve({ browser: true }),
    terser({ ecma: 2022, module: false, compress: { passes: 2 }, format: { comments: false } }),
  ],
};
