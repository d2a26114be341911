import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  AnalysisSession,
  analyze,
  buildModel,
  CONFIG_OVERRIDE,
  configFindings,
  configsOf,
  deadlineOf,
  DEFAULT_SETTINGS,
  DICTIONARY,
  LANGUAGE_DICTIONARIES,
  isMarkdownFile,
  Severity,
  urlsToCheck,
  type ExternalLinkLookup,
  type Finding,
  type TextSource,
} from '../core';
import { systemClock } from '../node/clock';
import { compiledDictionary, languageDictionaries } from '../node/dictionary';
import { walkFilesSync } from '../node/walk';
import { decodeUtf8, NodeWorkspace, toPath, toUri } from '../node/workspace';
import { UsageError, type LintOptions } from './args';
import { applySafeFixes } from './fix';
import { toGithub, toJson, toSarif, toText, type FileResult } from './formats';
import { Progress } from './progress';

declare const SERVER_VERSION: string;

export interface Io {
  out(line: string): void;
  err(line: string): void;
  /** Whether standard error is a terminal (a progress line is then shown on long runs). */
  errIsTerminal: boolean;
}

/** `talkdown lint`: the exit status (0, 1 or 2; usage errors are thrown as UsageError). */
/** `dictionaryRead`: the dictionary's bytes, being read meanwhile (the CLI's launcher starts it). */
export async function lint(options: LintOptions, io: Io, dictionaryRead?: Promise<Uint8Array>): Promise<number> {
  const root = resolve(options.root ?? '.');
  if (!isDirectory(root)) throw new UsageError(`--root ${options.root}: not a directory`);
  const files = collectFiles(options.paths);
  const workspace = new NodeWorkspace([toUri(root)]);
  // The rule pages installed beside dist/, linked from every finding.
  const docsBaseUri = pathToFileURL(join(__dirname, '..', 'docs', 'rules')).href;
  const dictionary = { bytes: undefined as Uint8Array | undefined };
  const session = new AnalysisSession({ workspace, clock: systemClock, settings: DEFAULT_SETTINGS, docsBaseUri, inputs: [[DICTIONARY, compiledDictionary(undefined, () => dictionary.bytes)], [LANGUAGE_DICTIONARIES, languageDictionaries()]] });
  if (options.config !== undefined) {
    const path = resolve(options.config);
    if (!isFile(path)) throw new UsageError(`--config ${options.config}: no such file`);
    session.provide(CONFIG_OVERRIDE, toUri(path));
  }
  const read = (file: string): TextSource => {
    const text = decodeUtf8(readFileSync(file));
    return { uri: toUri(file), version: 1, getText: () => text };
  };
  const progress = new Progress(io, files.length);
  let sources = files.map(read);
  // Read on another thread while the bundle loaded and the posts were read (read again if that failed).
  dictionary.bytes = await dictionaryRead?.catch(() => undefined);
  if (options.fix) sources = fixFiles(session, files, sources, io);
  const externalLinks = options.external ? await checkExternalLinks(sources, io) : undefined;
  const results: FileResult[] = sources.map((source, i) => {
    progress.tick(i);
    return { file: display(files[i]), findings: analyze(session, source, { externalLinks, deadlineMs: deadlineOf(session.settingsFor(source.uri)) }).findings };
  });
  progress.done();
  // The configuration files the posts used, with their own findings.
  for (const config of configsOf(session, sources.map((s) => s.uri))) {
    const findings = configFindings(session, config);
    if (findings.length > 0) results.unshift({ file: display(toPath(config.uri) ?? config.uri), findings });
  }

  const all = results.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === Severity.Error).length;
  const warnings = all.filter((f) => f.severity === Severity.Warning).length;
  const shown = options.quiet ? results.map((r) => ({ ...r, findings: r.findings.filter((f) => f.severity === Severity.Error) })) : results;
  write(options, shown, root, docsBaseUri, io);
  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  if (tooManyWarnings) io.err(`talkdown: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}`);
  return errors > 0 || tooManyWarnings ? 1 : 0;
}

function write(options: LintOptions, results: FileResult[], root: string, docsBaseUri: string, io: Io): void {
  switch (options.format) {
    case 'json':
      return io.out(toJson(results));
    case 'sarif':
      return io.out(toSarif(results, { version: SERVER_VERSION, root, docsBaseUri, relativeTo: (file) => relative(root, resolve(file)).split('\\').join('/') }));
    case 'github':
      for (const line of results.flatMap(toGithub)) io.out(line);
      return;
    default:
      for (const line of results.flatMap(toText)) io.out(line);
  }
}

/** Applies safe fixes in place; a file is written only when its text changed. */
function fixFiles(session: AnalysisSession, files: string[], sources: TextSource[], io: Io): TextSource[] {
  let total = 0;
  const fixed = sources.map((source, i) => {
    const original = source.getText();
    const { text, applied } = applySafeFixes(session, source.uri, original);
    if (text === original) return source;
    writeFileSync(files[i], text);
    total += applied.length;
    for (const a of applied) io.err(`${display(files[i])}:${a.line} fixed ${a.code}: ${a.title}`);
    return { uri: source.uri, version: 2, getText: () => text };
  });
  io.err(`talkdown: fixed ${total} problem${total === 1 ? '' : 's'}${total > 0 ? '; what remains follows' : ''}`);
  return fixed;
}

/** Checks every distinct http(s) URL of the files, within per-host limits; the cache is kept on disk. */
async function checkExternalLinks(sources: TextSource[], io: Io): Promise<ExternalLinkLookup> {
  // Loaded only here: most runs do not check external links, and HTTPS is slow to load.
  const { cliCacheFile, ExternalLinkChecker, ResultCache } = await import('../node/externalLinks');
  const urls = new Set<string>();
  for (const source of sources) for (const url of urlsToCheck(buildModel(source, { maxFileSize: DEFAULT_SETTINGS.maxFileSize }))) urls.add(url);
  const checker = new ExternalLinkChecker({ cache: new ResultCache({ file: cliCacheFile() }) });
  const results = await checker.checkAll(urls);
  checker.flush();
  if (urls.size > 0) io.err(`talkdown: checked ${urls.size} external link${urls.size === 1 ? '' : 's'} (${checker.requests} request${checker.requests === 1 ? '' : 's'}, the rest from the cache)`);
  return (url) => results.get(url);
}

function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  for (const p of paths) {
    const path = resolve(p);
    let stat;
    try {
      stat = statSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `${p}: no such file or directory` : `${p}: cannot read (${code})`);
    }
    if (stat.isDirectory()) files.push(...walkFilesSync([path], { accept: isMarkdownFile }));
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

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function display(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

export type { Finding };
