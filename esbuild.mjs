// Bundles the extension client, the language server, the CLI and the in-editor test suite
// into dist/. Usage: node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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
/**
 * Packages that only some posts need, loaded on first use rather than at start-up: franc's
 * letter statistics (only a post with few English words asks what language it is in) and
 * cspell's trie reader (only for another language's dictionary). Each import of them gets a
 * stand-in whose functions require the package when first called; in a CommonJS bundle,
 * esbuild then runs the package's module code only then.
 */
const LAZY_PACKAGES = { 'franc-min': ['franc'], 'cspell-trie-lib': ['decodeTrie'] };
const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const filter = new RegExp(`^(?:${Object.keys(LAZY_PACKAGES).join('|')})$`);
    const resolveDir = fileURLToPath(new URL('.', import.meta.url));
    build.onResolve({ filter }, (args) => (args.pluginData?.real ? undefined : { path: args.path, namespace: 'lazy-package' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-package' }, async (args) => {
      // The package's own entry, as an import resolves it (some export only an ESM build).
      const entry = await build.resolve(args.path, { kind: 'import-statement', resolveDir, pluginData: { real: true } });
      if (entry.errors.length > 0) return { errors: entry.errors };
      return {
        contents: [
          'let loaded;',
          `const load = () => (loaded ??= require(${JSON.stringify(entry.path)}));`,
          ...LAZY_PACKAGES[args.path].map((name) => `export function ${name}(...args) { return load().${name}(...args); }`),
        ].join('\n'),
        resolveDir,
        loader: 'js',
      };
    });
  },
};
common.plugins = [noGrayMatterYaml, precompiledValidators, lazyPackages];

const shebang = "#!/usr/bin/env node\n" + common.banner.js;

const builds = [
  { ...common, entryPoints: { 'client/extension': 'client/src/extension.ts' }, external: ['vscode'] },
  { ...common, entryPoints: { server: 'server/src/server.ts' }, banner: { js: shebang } },
  { ...common, entryPoints: { 'cli-main': 'server/src/cli.ts' }, banner: { js: shebang } },
  // A launcher that starts cli-main.js from V8's code cache (made below, after the build).
  { ...common, entryPoints: { cli: 'server/src/cli/launch.ts' }, banner: { js: '#!/usr/bin/env node' }, sourcemap: false },
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
  // Rebuilt bundles make the code cache stale (the launcher would not use it): it goes.
  rmSync('dist/cli-main.js.cache', { force: true });
  await Promise.all(contexts.map((ctx) => ctx.watch()));
  console.log('esbuild: watching for changes');
} else {
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  nameCliBundle();
  writeCodeCache();
}

/**
 * Ends the CLI bundle with a line naming its content, which the code cache also starts with:
 * the launcher checks that they match without hashing the bundle (see server/src/cli/launch.ts).
 */
function nameCliBundle() {
  const file = 'dist/cli-main.js';
  const code = readFileSync(file, 'utf8');
  writeFileSync(file, `${code}${code.endsWith('\n') ? '' : '\n'}//# talkdown-build ${createHash('sha1').update(code).digest('hex')}\n`);
}

/**
 * The CLI's code cache: one lint of a small post of every kind of content, so that the cache
 * holds what a lint compiles. Made for the Node.js that builds; another one compiles as usual.
 */
function writeCodeCache() {
  const dir = mkdtempSync(join(tmpdir(), 'talkdown-code-cache-'));
  try {
    const post = join(dir, '2024-11-15-recap.md');
    writeFileSync(
      post,
      [
        '---',
        'title: "Notes from a conference"',
        'date: 2024-11-15',
        'tags: [conference, notes]',
        '---',
        '',
        '## Day one',
        '',
        '### [Building small tools](https://example.com/watch?v=abc) (Sam Example, Example Corp)',
        '',
        'The speaker showed how a tiny command line tool grew into a project with many users, and why',
        'its authors kept the first version simple. See [the second day](#day-two) and [an older post](/2023/01/01/notes/).',
        '',
        '![A slide](/assets/slide.png)',
        '',
        '## Day two',
        '',
        'A recieve of notes, with a footnote.[^1]',
        '',
        '[^1]: The footnote.',
        '',
      ].join('\n'),
    );
    execFileSync(process.execPath, ['dist/cli.js', 'lint', '--root', dir, post], { env: { ...process.env, TALKDOWN_WRITE_CODE_CACHE: 'dist/cli-main.js.cache' }, stdio: 'ignore' });
  } catch (error) {
    // Findings exit with status 1; anything else leaves no cache, and the CLI compiles as usual.
    if (error.status !== 1) rmSync('dist/cli-main.js.cache', { force: true });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
