// Bundles the extension client, the language server, the CLI and the in-editor test suite
// into dist/. Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'warning',
  // Prefer ESM builds: jsonc-parser's UMD build requires files by computed paths.
  mainFields: ['module', 'main'],
  define: { SERVER_VERSION: JSON.stringify(version) },
  // Some ESM dependencies read import.meta.url; in a CJS bundle it must be defined.
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
common.define['import.meta.url'] = '__importMetaUrl';

/**
 * gray-matter only splits the front-matter block for Talkdown (its engines are replaced), but its
 * default YAML engine loads js-yaml 3, whose JavaScript types load esprima: a large share of a
 * cold start. The bundles get an engine that is never called instead.
 */
const noGrayMatterYaml = {
  name: 'no-gray-matter-yaml',
  setup(build) {
    build.onResolve({ filter: /^js-yaml$/ }, (args) =>
      /[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'js-yaml', namespace: 'no-gray-matter-yaml' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'no-gray-matter-yaml' }, () => ({
      contents: "const unused = () => { throw new Error('gray-matter YAML engine is not bundled'); };\nmodule.exports = { safeLoad: unused, safeDump: unused };\n",
      loader: 'js',
    }));
  },
};
/** The schemas' validators, compiled at build time by scripts/build-validators.ts. */
const precompiledValidators = {
  name: 'precompiled-validators',
  setup(build) {
    build.onResolve({ filter: /[\\/]precompiled$/ }, (args) =>
      /[\\/]server[\\/]src[\\/]core[\\/](?:frontMatter|config)$/.test(args.resolveDir) && /(?:^\.|frontMatter)[\\/]precompiled$/.test(args.path)
        ? { path: fileURLToPath(new URL('./dist/generated/validators.cjs', import.meta.url)) }
        : undefined,
    );
  },
};
common.plugins = [noGrayMatterYaml, precompiledValidators];

const shebang = "#!/usr/bin/env node\n" + common.banner.js;

const builds = [
  { ...common, entryPoints: { 'client/extension': 'client/src/extension.ts' }, external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, banner: { js: shebang } },
  { ...common, entryPoints: { cli: 'server/src/cli.ts' }, banner: { js: shebang } },
  { ...common, entryPoints: { analysisWorker: 'server/src/lsp/analysisWorkerMain.ts' } },
  {
    ...common,
    entryPoints: { 'test/suite/index': 'test/suite/index.ts' },
    external: ['vscode', 'mocha'],
  },
];

// The spelling dictionaries are compiled from their npm packages into dist/dictionaries/.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-dictionaries.ts'], { stdio: 'inherit' });

// The built-in schemas' validators, as ajv standalone code, into dist/generated/.
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-validators.ts'], { stdio: 'inherit' });

// The schema of .talkdown/config.jsonc, for VS Code's jsonValidation.
mkdirSync('dist', { recursive: true });
copyFileSync('server/src/core/config/config.schema.json', 'dist/config.schema.json');

const contexts = await Promise.all(builds.map((options) => esbuild.context({ ...options, outdir: 'dist' })));
if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
}
