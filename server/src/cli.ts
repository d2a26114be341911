import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AnalysisSession, analyze, buildModel, DEFAULT_SETTINGS, DICTIONARY, Severity, SEVERITY_NAME, urlsToCheck, type ExternalLinkLookup, type Finding, type TextSource } from './core';
import { cliCacheFile, ExternalLinkChecker, ResultCache } from './node/externalLinks';
import { decodeUtf8, NodeWorkspace, toUri } from './node/workspace';
import { compiledDictionary } from './node/dictionary';
import { systemClock } from './node/clock';

declare const SERVER_VERSION: string;

const USAGE = `usage: talkdown lint [--format text|json] [--root DIR] [--external] <files or directories...>

Checks Markdown conference recaps: front matter, links and prose.
Directories are searched for .md and .markdown files.

  --format text|json  text (default): path:line:col severity code message
                      json: [{"file", "diagnostics": [{range, severity, code, source, message}]}]
  --root DIR          the site's root folder (default: the current directory)
  --external          also check http(s) links: requests go to the linked sites
                      (HEAD, else GET); answers are cached for a day in
                      $XDG_CACHE_HOME/talkdown (default ~/.cache/talkdown)
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 no errors, 1 at least one error, 2 usage error or unreadable path.`;

class UsageError extends Error {}

const MARKDOWN = /\.(?:md|markdown)$/i;
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);

interface FileResult {
  file: string;
  findings: Finding[];
}

export async function main(argv: string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        root: { type: 'string' },
        external: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    err(`talkdown: ${firstSentence((error as Error).message)} (see talkdown --help)`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    out(USAGE);
    return 0;
  }
  if (values.version) {
    out(SERVER_VERSION);
    return 0;
  }
  try {
    const [command, ...paths] = positionals;
    if (command !== 'lint') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
    if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}": use text or json`);
    if (paths.length === 0) throw new UsageError('no files or directories given');
    const root = resolve(values.root ?? '.');
    if (!isDirectory(root)) throw new UsageError(`--root ${values.root}: not a directory`);

    const files = collectFiles(paths);
    const workspace = new NodeWorkspace([toUri(root)]);
    const session = new AnalysisSession({ workspace, clock: systemClock, settings: DEFAULT_SETTINGS, inputs: [[DICTIONARY, compiledDictionary()]] });
    const sources = files.map((file): TextSource => {
      const text = decodeUtf8(readFileSync(file));
      return { uri: toUri(file), version: 1, getText: () => text };
    });
    const externalLinks = values.external ? await checkExternalLinks(sources, err) : undefined;
    const results: FileResult[] = sources.map((source, i) => {
      const { findings } = analyze(session, source, { externalLinks });
      // In reading order, as an editor's Problems list shows them (the sort is stable).
      findings.sort((a, b) => a.span.start - b.span.start);
      return { file: files[i], findings };
    });

    if (values.format === 'json') out(JSON.stringify(results.map(toJson), null, 2));
    else for (const line of results.flatMap(toText)) out(line);
    return results.some((r) => r.findings.some((f) => f.severity === Severity.Error)) ? 1 : 0;
  } catch (error) {
    if (error instanceof UsageError) {
      err(`talkdown: ${error.message} (see talkdown --help)`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e.code && e.path) {
      err(`talkdown: cannot read ${e.path}: ${e.code}`);
      return 2;
    }
    throw error;
  }
}

/** Checks every distinct http(s) URL of the files, within per-host limits; the cache is kept on disk. */
async function checkExternalLinks(sources: TextSource[], err: (s: string) => void): Promise<ExternalLinkLookup> {
  const urls = new Set<string>();
  for (const source of sources) for (const url of urlsToCheck(buildModel(source, { maxFileSize: DEFAULT_SETTINGS.maxFileSize }))) urls.add(url);
  const checker = new ExternalLinkChecker({ cache: new ResultCache({ file: cliCacheFile() }) });
  const results = await checker.checkAll(urls);
  checker.flush();
  if (urls.size > 0) err(`talkdown: checked ${urls.size} external link${urls.size === 1 ? '' : 's'} (${checker.requests} request${checker.requests === 1 ? '' : 's'}, the rest from the cache)`);
  return (url) => results.get(url);
}

function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  const seenDirs = new Set<string>();
  const walk = (dir: string): void => {
    const real = realpathSync(dir);
    if (seenDirs.has(real)) return; // a symlink cycle
    seenDirs.add(real);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = resolve(dir, entry.name);
      if (entry.isDirectory() || (entry.isSymbolicLink() && isDirectory(path))) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (MARKDOWN.test(entry.name)) {
        files.push(path);
      }
    }
  };
  for (const p of paths) {
    const path = resolve(p);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `${p}: no such file or directory` : `${p}: cannot read (${code})`);
    }
    if (stat.isDirectory()) walk(path);
    else files.push(path);
  }
  return [...new Set(files)];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

function toText({ file, findings }: FileResult): string[] {
  return findings.map(
    (f) => `${display(file)}:${f.range.start.line + 1}:${f.range.start.character + 1} ${SEVERITY_NAME[f.severity]} ${f.code} ${f.message}`,
  );
}

function toJson({ file, findings }: FileResult) {
  return {
    file: display(file),
    diagnostics: findings.map((f) => ({
      range: f.range,
      severity: f.severity,
      code: f.code,
      source: 'talkdown',
      message: f.message,
    })),
  };
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0];
}

if (require.main === module) {
  main(process.argv.slice(2), (s) => process.stdout.write(s + '\n'), (s) => process.stderr.write(s + '\n')).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(`talkdown: internal error: ${firstLine((error as Error).message)}\n`);
      process.exitCode = 2;
    },
  );
}

function firstSentence(message: string): string {
  const sentence = firstLine(message).split(/\.\s/, 1)[0].replace(/\.$/, '');
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
