/**
 * Builds a site with its real generator: the site is copied to a temporary folder (the real one
 * is never touched), given plain layouts where its theme is absent, and built with its output in
 * another temporary folder. Errors the harness knows how to get past (a missing shortcode, include
 * or plugin, a post whose front matter the generator cannot read) are fixed in the copy and the
 * build is tried again; each fix is recorded.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { BuildError, BuildResult, Excluded, Generator, SiteSpec } from './types';

const REPO = resolve(__dirname, '..', '..');
const ATTEMPTS = 40;
const DEFAULT_TIMEOUT = 120_000;
/** Hrefs the harness makes for references the generator could not resolve. */
export const MISSING_PREFIX = '/__talkdown_missing__/';

/** Folders never copied: version control, dependencies, earlier output. */
const SKIP = new Set(['.git', 'node_modules', 'public', '_site', '.jekyll-cache', '.sass-cache', 'resources', '.cache']);

export class GeneratorMissing extends Error {}

/** The generator's version, or an error naming how to install it. */
export function generatorVersion(generator: Generator): string {
  const [cmd, args] = generator === 'hugo' ? ['hugo', ['version']] : generator === 'jekyll' ? ['jekyll', ['--version']] : [process.execPath, [eleventyBin(), '--version']];
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 30_000 });
  if (r.error || r.status !== 0) {
    const how = generator === 'eleventy' ? 'run npm ci (it is a devDependency)' : `apt-get install -y ${generator} (.ci/run does this)`;
    throw new GeneratorMissing(`${generator} is not installed: ${how}. ${r.error?.message ?? r.stderr}`.trim());
  }
  const first = (r.stdout || r.stderr).trim().split('\n')[0];
  return generator === 'eleventy' ? `eleventy ${first}` : first;
}

function eleventyBin(): string {
  return join(REPO, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs');
}

export function buildSite(spec: SiteSpec): BuildResult {
  const started = Date.now();
  const version = generatorVersion(spec.generator);
  const tmp = mkdtempSync(join(tmpdir(), `talkdown-links-${spec.name.replace(/[^\w-]/g, '_')}-`));
  const work = join(tmp, 'site');
  const out = join(tmp, 'out');
  cpSync(spec.dir, work, { recursive: true, filter: (src) => !SKIP.has(basename(src)) || src === spec.dir, dereference: false });
  const ctx: Ctx = { spec, work, out, tmp, fixes: [], excluded: [], log: '' };
  let result: Omit<BuildResult, 'site' | 'work' | 'out' | 'fixes' | 'excluded' | 'version' | 'ms' | 'log'>;
  if (spec.generator === 'hugo') result = buildHugo(ctx);
  else if (spec.generator === 'jekyll') result = buildJekyll(ctx);
  else result = buildEleventy(ctx);
  return { site: spec, work, out, fixes: ctx.fixes, excluded: ctx.excluded, version, ms: Date.now() - started, log: ctx.log, ...result };
}

/** Removes a build's temporary folders. */
export function cleanBuild(build: BuildResult): void {
  rmSync(dirname(build.work), { recursive: true, force: true });
}

interface Ctx {
  spec: SiteSpec;
  work: string;
  out: string;
  tmp: string;
  fixes: string[];
  excluded: Excluded[];
  log: string;
}

function run(ctx: Ctx, cmd: string, args: string[], env: Record<string, string> = {}): { ok: boolean; text: string } {
  const r = spawnSync(cmd, args, { cwd: ctx.work, encoding: 'utf8', timeout: ctx.spec.timeoutMs ?? DEFAULT_TIMEOUT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  // Colour codes out, so that messages can be read back.
  const text = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  ctx.log += `$ ${cmd} ${args.join(' ')}\n${text}\n`;
  if (r.error) return { ok: false, text: `${text}\n${r.error.message}` };
  return { ok: r.status === 0, text };
}

/** Moves a source file out of the copy, so that the build can go on without it. */
function exclude(ctx: Ctx, file: string, reason: string): boolean {
  const abs = resolve(ctx.work, file);
  if (!abs.startsWith(ctx.work + '/') || !existsSync(abs)) return false;
  const rel = relative(ctx.work, abs);
  if (ctx.excluded.some((e) => e.file === rel)) return false;
  const parked = join(ctx.tmp, 'excluded', rel);
  mkdirSync(dirname(parked), { recursive: true });
  renameSync(abs, parked);
  ctx.excluded.push({ file: rel, reason: reason.trim().slice(0, 300) });
  return true;
}

function write(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function walk(dir: string, visit: (file: string) => void, depth = 0): void {
  if (depth > 20 || !existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) walk(p, visit, depth + 1);
    else visit(p);
  }
}

// ---------------------------------------------------------------- Hugo

const HUGO_HEAD = `<!DOCTYPE html>
<html lang="{{ .Site.LanguageCode }}"><head><meta charset="utf-8"><title>{{ .Title }}</title>
{{ with .File }}<meta name="talkdown-source" content="{{ .Filename }}">{{ end }}
</head><body>`;
const HUGO_SINGLE = `${HUGO_HEAD}
<main data-talkdown-content>{{ .Content }}</main>
</body></html>
`;
// Lists paginate, as themes do, so that /page/2/ exists where a theme would make it.
const HUGO_LIST = `${HUGO_HEAD}
<main data-talkdown-content>{{ .Content }}</main>
<nav>{{ range .Paginator.Pages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
</body></html>
`;

const HUGO_CONFIGS = ['hugo.toml', 'hugo.yaml', 'hugo.yml', 'hugo.json', 'config.toml', 'config.yaml', 'config.yml', 'config.json'];

function buildHugo(ctx: Ctx) {
  const { work, out } = ctx;
  if ((ctx.spec.layouts ?? 'minimal') === 'minimal') {
    // Page layouts go (the theme's are usually an absent submodule, and the site's lean on
    // them); what content uses stays: shortcodes, partials they call, render hooks.
    const layoutDirs = [join(work, 'layouts')];
    if (existsSync(join(work, 'themes'))) for (const t of readdirSync(join(work, 'themes'))) layoutDirs.push(join(work, 'themes', t, 'layouts'));
    for (const dir of layoutDirs) pruneHugoLayouts(dir);
    write(join(work, 'layouts', '_default', 'single.html'), HUGO_SINGLE);
    write(join(work, 'layouts', '_default', 'list.html'), HUGO_LIST);
    ctx.fixes.push('plain Hugo layouts');
  }
  // A go.mod makes Hugo download the site's modules with Go: left out with them.
  for (const f of ['go.mod', 'go.sum']) {
    if (existsSync(join(work, f))) {
      rmSync(join(work, f));
      ctx.fixes.push(`${f} left out (modules are not downloaded)`);
    }
  }
  const siteConfig = HUGO_CONFIGS.find((c) => existsSync(join(work, c)));
  const harness = join(ctx.tmp, 'talkdown-harness.toml');
  // A broken ref is a warning with its file:line, and renders as an address the check spots.
  // Hugo modules (themes, plugins) would be downloaded: they are left out, as absent themes are;
  // output formats they defined are declared as plain text.
  const formats: string[] = [];
  const writeHarness = () =>
    writeFileSync(
      harness,
      `refLinksErrorLevel = "WARNING"\nrefLinksNotFoundURL = "${MISSING_PREFIX}ref"\nenableGitInfo = false\n[module]\nimports = []\n` +
        formats.map((f) => `[outputFormats.${f}]\nmediaType = "text/plain"\nbaseName = "_talkdown_${f}"\nisPlainText = true\nnotAlternative = true\n`).join(''),
    );
  writeHarness();
  const configArg = [...(siteConfig ? [siteConfig] : []), harness].join(',');
  const cache = join(ctx.tmp, 'hugo-cache');
  const args = ['--source', work, '--destination', out, '--config', configArg, '--cacheDir', cache, '--cleanDestinationDir'];
  stubHugoShortcodes(ctx);
  const buildErrors: BuildError[] = [];
  // Environment settings win over every configuration file, a config/ folder's too.
  const env = { HUGO_REFLINKSERRORLEVEL: 'WARNING', HUGO_REFLINKSNOTFOUNDURL: `${MISSING_PREFIX}ref`, HUGO_ENABLEGITINFO: 'false' };
  let built = false;
  for (let attempt = 0; attempt < ATTEMPTS && !built; attempt++) {
    const r = run(ctx, 'hugo', args, env);
    if (r.ok) {
      buildErrors.push(...hugoRefErrors(ctx, r.text));
      built = true;
      break;
    }
    const format = /failed to resolve output format "([^"]+)"|OutputFormat with key "([^"]+)" not found/i.exec(r.text)?.slice(1).find(Boolean);
    if (format && !formats.includes(format) && /^[\w-]+$/.test(format)) {
      formats.push(format);
      ctx.fixes.push(`output format ${format} declared`);
      writeHarness();
      continue;
    }
    if (!fixHugo(ctx, r.text)) throw new Error(`hugo could not build ${ctx.spec.name}:\n${r.text.slice(-3000)}`);
  }
  if (!built || !existsSync(out)) throw new Error(`hugo could not build ${ctx.spec.name} in ${ATTEMPTS} attempts:\n${ctx.log.slice(-3000)}`);
  const conf = run(ctx, 'hugo', ['config', '--source', work, '--config', configArg]);
  const baseURL = /^baseurl\s*=\s*['"]([^'"]*)['"]/im.exec(conf.text)?.[1] ?? '';
  const sources = new Map<string, string>();
  // Each page names its source in a meta tag of the harness layouts (read by the check); the
  // rest is known by the check from those tags.
  return { ...originOf(baseURL), sources, buildErrors };
}

/** Hugo 0.111's own shortcodes. */
const HUGO_SHORTCODES = new Set(['figure', 'gist', 'highlight', 'instagram', 'param', 'ref', 'relref', 'tweet', 'twitter', 'vimeo', 'youtube', 'comment']);

/** Shortcodes the content uses that neither Hugo, the site nor a present theme defines: stubs, all at once. */
function stubHugoShortcodes(ctx: Ctx): void {
  const { work } = ctx;
  const defined = new Set<string>();
  const dirs = [join(work, 'layouts', 'shortcodes')];
  if (existsSync(join(work, 'themes'))) for (const t of readdirSync(join(work, 'themes'))) dirs.push(join(work, 'themes', t, 'layouts', 'shortcodes'));
  for (const d of dirs) walk(d, (f) => defined.add(relative(d, f).replace(/\.[^/]*$/, '').replace(/\.[^/]*$/, '')));
  const used = new Map<string, boolean>();
  walk(join(work, 'content'), (f) => {
    if (!/\.(?:md|markdown|html)$/.test(f)) return;
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\{\{[<%]-?\s*(\/?)\s*(\w[\w./-]*)/g)) {
      const name = m[2];
      if (HUGO_SHORTCODES.has(name) || defined.has(name)) continue;
      used.set(name, (used.get(name) ?? false) || m[1] === '/');
    }
  });
  for (const [name, closed] of used) {
    write(join(work, 'layouts', 'shortcodes', `${name}.html`), closed ? '{{ .Inner }}' : '');
    ctx.fixes.push(`stub shortcode ${name}`);
  }
}

function pruneHugoLayouts(dir: string): void {
  if (!existsSync(dir)) return;
  const keep = (rel: string) => /^(?:shortcodes|partials|_partials|_shortcodes|_markup)(?:\/|$)/.test(rel) || /(?:^|\/)_markup(?:\/|$)/.test(rel);
  const visit = (sub: string) => {
    for (const name of readdirSync(join(dir, sub))) {
      const rel = sub ? `${sub}/${name}` : name;
      const abs = join(dir, rel);
      if (keep(rel)) continue;
      if (statSync(abs).isDirectory()) {
        visit(rel);
        if (readdirSync(abs).length === 0) rmSync(abs, { recursive: true });
      } else rmSync(abs);
    }
  };
  visit('');
}

function fixHugo(ctx: Ctx, text: string): boolean {
  const { work } = ctx;
  let m: RegExpExecArray | null;
  // A shortcode Hugo has no template for, or one whose template this Hugo cannot execute (it
  // calls what a newer Hugo has): a stub, rather than leaving every page that uses it out.
  const failing = /failed to render shortcode "([^"]+)"/.exec(text);
  // (Inline shortcodes are defined in the content itself: never stubbed.)
  if (failing?.[1].endsWith('.inline')) failing[1] = '';
  if ((m = /template for shortcode "([^"]+)" not found/.exec(text) ?? (failing && failing[1] && !ctx.fixes.includes(`stub shortcode ${failing[1]}`) ? failing : null))) {
    // Its inner text only where the content closes it: {{< x >}}…{{< /x >}}.
    const name = m[1];
    let closed = false;
    walk(join(work, 'content'), (f) => {
      if (!closed && /\.(?:md|markdown|html)$/.test(f) && new RegExp(`\\{\\{[<%]\\s*/\\s*${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*[>%]\\}\\}`).test(readFileSync(f, 'utf8'))) closed = true;
    });
    write(join(work, 'layouts', 'shortcodes', `${name}.html`), closed ? '{{ .Inner }}' : '');
    ctx.fixes.push(`stub shortcode ${m[1]}`);
    return true;
  }
  if ((m = /partial "([^"]+)" not found/.exec(text))) {
    const name = m[1].endsWith('.html') ? m[1] : `${m[1]}.html`;
    write(join(work, 'layouts', 'partials', name), '');
    ctx.fixes.push(`stub partial ${m[1]}`);
    return true;
  }
  if ((m = /module "([^"]+)" not found/.exec(text))) {
    mkdirSync(join(work, 'themes', m[1]), { recursive: true });
    ctx.fixes.push(`empty theme ${m[1]}`);
    return true;
  }
  // A content file the generator cannot read: "/…/content/x.md:3:1": …
  for (const fm of text.matchAll(/"?((?:\/[^\s":]+)+\.(?:md|markdown|html))(?::\d+(?::\d+)?)?"?:?\s*([^\n]*)/g)) {
    const file = fm[1];
    if (file.startsWith(work + '/') && /\/content\//.test(file) && exclude(ctx, relative(work, file), fm[2] || 'build error')) return true;
  }
  return false;
}

function hugoRefErrors(ctx: Ctx, text: string): BuildError[] {
  const out: BuildError[] = [];
  for (const m of text.matchAll(/(REF_NOT_FOUND|RELREF_NOT_FOUND): Ref "([^"]*)": "([^"]+?):(\d+):(\d+)": ([^\n]*)/g)) {
    const file = m[3].startsWith(ctx.work + '/') ? relative(ctx.work, m[3]) : m[3];
    out.push({ file, line: Number(m[4]) - 1, col: Number(m[5]) - 1, target: m[2], message: `${m[1]}: ${m[6]}`.trim() });
  }
  return out;
}

function originOf(base: string): { origin: string; basePath: string } {
  try {
    const u = new URL(base);
    return { origin: u.origin, basePath: u.pathname.replace(/\/+$/, '') };
  } catch {
    return { origin: 'http://site.invalid', basePath: base.replace(/^\/*/, '/').replace(/\/+$/, '') };
  }
}

// ---------------------------------------------------------------- Jekyll

const JEKYLL_LAYOUT = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>{{ page.title }}</title></head><body>
<main data-talkdown-content>{{ content }}</main>
</body></html>
`;

/** The harness's plugin: missing post_url/link targets become addresses the check spots, and the source of each page is written out. */
const JEKYLL_PLUGIN = `# Written by Talkdown's link harness into a temporary copy of the site.
require 'json'
module Jekyll
  module Tags
    class PostUrl
      alias_method :talkdown_render, :render
      def render(context)
        talkdown_render(context)
      rescue StandardError
        "${MISSING_PREFIX}post_url/#{@orig_post.to_s.strip}"
      end
    end
    class Link
      alias_method :talkdown_render, :render
      def render(context)
        talkdown_render(context)
      rescue StandardError
        "${MISSING_PREFIX}link/#{@relative_path.to_s.strip}"
      end
    end
  end
end
class TalkdownStubTag < Liquid::Tag
  def render(_context) = ''
end
class TalkdownStubBlock < Liquid::Block
  def render(context) = super
end
(ENV['TALKDOWN_STUB_TAGS'] || '').split(',').each { |t| Liquid::Template.register_tag(t, TalkdownStubTag) }
(ENV['TALKDOWN_STUB_BLOCKS'] || '').split(',').each { |t| Liquid::Template.register_tag(t, TalkdownStubBlock) }
Jekyll::Hooks.register :site, :post_write do |site|
  entries = (site.pages + site.documents).map do |d|
    { 'path' => d.relative_path, 'url' => d.url, 'dest' => d.destination(site.dest) }
  end
  File.write(ENV['TALKDOWN_MAP'], JSON.generate({ 'url' => site.config['url'], 'baseurl' => site.config['baseurl'], 'pages' => entries }))
end
`;

function installedGems(): Set<string> {
  const r = spawnSync('gem', ['list', '--local', '--no-versions'], { encoding: 'utf8', timeout: 30_000 });
  return new Set((r.stdout ?? '').split('\n').map((l) => l.trim()).filter(Boolean));
}

function buildJekyll(ctx: Ctx) {
  const { work, out, tmp } = ctx;
  for (const f of ['Gemfile', 'Gemfile.lock']) rmSync(join(work, f), { force: true });
  const configFile = ['_config.yml', '_config.yaml'].find((c) => existsSync(join(work, c)));
  let config: Record<string, unknown> = {};
  try {
    config = (configFile ? (parseYaml(readFileSync(join(work, configFile), 'utf8')) as Record<string, unknown>) : {}) ?? {};
  } catch {
    config = {};
  }
  if ((ctx.spec.layouts ?? 'minimal') === 'minimal') {
    const names = new Set(['default', 'post', 'page', 'home']);
    const layoutKey = /^\s*layout\s*:\s*["']?([\w./-]+)["']?\s*$/gm;
    if (configFile) for (const m of readFileSync(join(work, configFile), 'utf8').matchAll(layoutKey)) names.add(m[1]);
    walk(work, (file) => {
      if (!/\.(?:md|markdown|html)$/.test(file) || statSync(file).size > 2_000_000) return;
      const head = readFileSync(file, 'utf8').slice(0, 4000);
      if (!head.startsWith('---')) return;
      for (const m of head.matchAll(layoutKey)) names.add(m[1]);
    });
    rmSync(join(work, '_layouts'), { recursive: true, force: true });
    for (const n of names) write(join(work, '_layouts', `${n.replace(/\.html$/, '')}.html`), JEKYLL_LAYOUT);
    ctx.fixes.push('plain Jekyll layouts');
  }
  const gems = installedGems();
  const wanted = [...new Set([...asList(config.plugins), ...asList(config.gems)])];
  let plugins = wanted.filter((p) => gems.has(p));
  for (const p of wanted.filter((p) => !gems.has(p))) ctx.fixes.push(`plugin ${p} not installed: left out`);
  write(join(work, '_plugins', 'zz_talkdown_harness.rb'), JEKYLL_PLUGIN);
  const stubTags: string[] = [];
  const stubBlocks: string[] = [];
  const mapFile = join(tmp, 'jekyll-map.json');
  const harness = join(tmp, '_talkdown_harness.yml');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    writeFileSync(harness, `theme: null\nremote_theme: null\nsafe: false\nincremental: false\nplugins: ${JSON.stringify(plugins)}\ngems: []\n`);
    const r = run(ctx, 'jekyll', ['build', '--source', work, '--destination', out, '--config', [configFile ? join(work, configFile) : undefined, harness].filter(Boolean).join(','), '--trace'], {
      JEKYLL_NO_BUNDLER_REQUIRE: 'true',
      JEKYLL_ENV: 'production',
      TALKDOWN_MAP: mapFile,
      TALKDOWN_STUB_TAGS: stubTags.join(','),
      TALKDOWN_STUB_BLOCKS: stubBlocks.join(','),
    });
    for (const m of r.text.matchAll(/Error: YAML Exception reading (\S+?): ([^\n]*)/g)) {
      const rel = relative(work, m[1]);
      if (!ctx.excluded.some((e) => e.file === rel)) ctx.excluded.push({ file: rel, reason: `YAML Exception: ${m[2]}` });
    }
    if (r.ok && existsSync(mapFile)) break;
    let m: RegExpExecArray | null;
    if ((m = /Could not locate the included file '([^']+)'/.exec(r.text))) {
      write(join(work, '_includes', m[1]), '');
      ctx.fixes.push(`stub include ${m[1]}`);
    } else if ((m = /Unknown tag '([^']+)'/.exec(r.text))) {
      const endTag = new RegExp(`\\{%-?\\s*end${m[1]}\\b`);
      let block = false;
      walk(work, (f) => {
        if (!block && /\.(?:md|markdown|html)$/.test(f) && endTag.test(readFileSync(f, 'utf8'))) block = true;
      });
      (block ? stubBlocks : stubTags).push(m[1]);
      ctx.fixes.push(`stub Liquid ${block ? 'block' : 'tag'} ${m[1]}`);
    } else if ((m = /(?:Dependency Error: Yikes! It looks like you don't have |cannot load such file -- )([\w./-]+)/.exec(r.text)) && plugins.includes(m[1])) {
      plugins = plugins.filter((p) => p !== m![1]);
      ctx.fixes.push(`plugin ${m[1]} failed to load: left out`);
    } else if ((m = /Conversion error: \S+ encountered an error while converting '([^']+)'/.exec(r.text))) {
      if (!exclude(ctx, m[1], 'conversion error')) throw new Error(`jekyll could not build ${ctx.spec.name}:\n${r.text.slice(-3000)}`);
    } else if ((m = /Liquid (?:Exception|Error|syntax error)[^\n]*? in (\S+?\.(?:md|markdown|html))\b/.exec(r.text)) || (m = /Error:[^\n]* in (\S+?\.(?:md|markdown|html))/.exec(r.text))) {
      const rel = m[1].startsWith('/') ? relative(work, m[1]) : m[1];
      if (!exclude(ctx, rel, r.text.match(/(Liquid [^\n]*)/)?.[1] ?? 'Liquid error')) throw new Error(`jekyll could not build ${ctx.spec.name}:\n${r.text.slice(-3000)}`);
    } else throw new Error(`jekyll could not build ${ctx.spec.name}:\n${r.text.slice(-3000)}`);
  }
  if (!existsSync(mapFile)) throw new Error(`jekyll built nothing for ${ctx.spec.name}:\n${ctx.log.slice(-3000)}`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { url?: string; baseurl?: string; pages: { path: string; url: string; dest: string }[] };
  const sources = new Map<string, string>();
  for (const p of map.pages) if (p.dest.startsWith(out + '/')) sources.set(relative(out, p.dest), p.path);
  const base = (map.baseurl ?? '').replace(/\/+$/, '');
  const { origin } = originOf(map.url || 'http://site.invalid');
  return { origin, basePath: base && !base.startsWith('/') ? '/' + base : base, sources, buildErrors: [] as BuildError[] };
}

function asList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

// ---------------------------------------------------------------- Eleventy

const ELEVENTY_CONFIGS = ['eleventy.config.js', 'eleventy.config.mjs', 'eleventy.config.cjs', '.eleventy.js', '.eleventy.mjs', '.eleventy.cjs'];

/** Wraps the site's configuration, to write down each output page's input file. */
const ELEVENTY_WRAPPER = `// Written by Talkdown's link harness into a temporary copy of the site.
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const SITE = process.env.TALKDOWN_SITE_CONFIG;
export default async function (eleventyConfig) {
  let result = {};
  let named = {};
  if (SITE) {
    const mod = await import(pathToFileURL(SITE).href);
    const fn = mod.default ?? mod;
    named = mod.config ?? {};
    result = (typeof fn === 'function' ? await fn(eleventyConfig) : fn) ?? {};
  }
  const merged = { ...named, ...result, dir: { ...(named.dir ?? {}), ...(result.dir ?? {}) } };
  eleventyConfig.on('eleventy.after', ({ results }) => {
    writeFileSync(process.env.TALKDOWN_MAP, JSON.stringify({
      pathPrefix: merged.pathPrefix ?? eleventyConfig.pathPrefix ?? '/',
      pages: results.map((r) => ({ inputPath: r.inputPath, outputPath: r.outputPath, url: r.url })),
    }));
  });
  delete merged.dir.output;
  return merged;
}
`;

function buildEleventy(ctx: Ctx) {
  const { work, out, tmp } = ctx;
  if (ctx.spec.npmInstall && existsSync(join(work, 'package.json'))) {
    const r = run(ctx, 'npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error']);
    if (!r.ok) ctx.fixes.push('npm install failed');
  }
  // A site with no packages of its own (the examples) finds its plugins in this repository's.
  if (!existsSync(join(work, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(work, 'node_modules'), 'dir');
  const siteConfig = ELEVENTY_CONFIGS.find((c) => existsSync(join(work, c)));
  const wrapper = join(work, '.talkdown-harness.eleventy.mjs');
  writeFileSync(wrapper, ELEVENTY_WRAPPER);
  const mapFile = join(tmp, 'eleventy-map.json');
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    rmSync(mapFile, { force: true });
    const r = run(ctx, process.execPath, [eleventyBin(), `--config=${wrapper}`, `--output=${out}`, '--quiet'], {
      TALKDOWN_SITE_CONFIG: siteConfig ? join(work, siteConfig) : '',
      TALKDOWN_MAP: mapFile,
      ELEVENTY_ENV: 'production',
    });
    if (r.ok && existsSync(mapFile)) break;
    let m: RegExpExecArray | null;
    // A stylesheet that imports an absent theme (a submodule): emptied.
    if (/Can't find stylesheet to import/.test(r.text) && (m = /(\S+\.s[ac]ss) \d+:\d+\s+root stylesheet/.exec(r.text)) && existsSync(join(work, m[1]))) {
      writeFileSync(join(work, m[1]), '');
      ctx.fixes.push(`emptied stylesheet ${m[1]}`);
    } else if ((m = /(?:Having trouble (?:rendering|writing) \w+ template|Problem writing Eleventy templates)[^\n]*?\.?\/?((?:[\w.-]+\/)*[\w.-]+\.(?:md|njk|liquid|html|11ty\.js))/.exec(r.text)) && exclude(ctx, m[1], r.text.match(/\[11ty\] \d\. ([^\n]*)/g)?.slice(0, 2).join(' ') ?? 'template error')) {
      // left out, and tried again
    } else throw new Error(`eleventy could not build ${ctx.spec.name}:\n${r.text.slice(-3000)}`);
  }
  if (!existsSync(mapFile)) throw new Error(`eleventy could not build ${ctx.spec.name} in ${ATTEMPTS} attempts:\n${ctx.log.slice(-3000)}`);
  const map = JSON.parse(readFileSync(mapFile, 'utf8')) as { pathPrefix: string; pages: { inputPath: string; outputPath: string | false }[] };
  const sources = new Map<string, string>();
  for (const p of map.pages) {
    if (!p.outputPath) continue;
    const o = resolve(work, p.outputPath);
    if (o.startsWith(out + '/')) sources.set(relative(out, o), relative(work, resolve(work, p.inputPath)));
  }
  const prefix = (map.pathPrefix || '/').replace(/\/+$/, '');
  return { origin: 'http://site.invalid', basePath: prefix === '' ? '' : prefix.startsWith('/') ? prefix : '/' + prefix, sources, buildErrors: [] as BuildError[] };
}
