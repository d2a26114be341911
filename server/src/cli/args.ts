import { parseArgs } from 'node:util';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export const USAGE = `usage: talkdown lint [options] <files or directories...>

Checks Markdown conference recaps: front matter, links and prose.
Directories are searched for Markdown files (.md, .markdown, .mdx, .mdown, .mkd),
skipping dot-folders, node_modules and build output.

  --format FORMAT     text (default): path:line:col severity code message
                      json: [{"file", "diagnostics": [{range, severity, code, source, message}]}]
                      sarif: SARIF 2.1.0, for code scanning
                      github: GitHub Actions workflow annotations
  --root DIR          the site's root folder (default: the current directory)
  --config FILE       use this configuration file instead of the .talkdown/config.jsonc
                      files found from each post up to the root
  --fix               apply the fixes that have one unambiguous result, in place,
                      then report what remains
  --max-warnings N    fail (exit 1) when there are more than N warnings
  --quiet             report errors only
  --external          also check http(s) links: requests go to the linked sites
                      (HEAD, else GET); answers are cached for a day in
                      $XDG_CACHE_HOME/talkdown (default ~/.cache/talkdown)
  -h, --help          show this help
  -v, --version       show the version

Exit status: 0 no errors, 1 at least one error (or more warnings than --max-warnings),
2 usage error or unreadable path.`;

export class UsageError extends Error {}

export interface LintOptions {
  paths: string[];
  format: Format;
  root: string | undefined;
  config: string | undefined;
  fix: boolean;
  maxWarnings: number | undefined;
  quiet: boolean;
  external: boolean;
}

export type Parsed = { kind: 'help' } | { kind: 'version' } | { kind: 'lint'; options: LintOptions };

/** Reads the command line; a mistake is a UsageError with one sentence. */
export function parseCommandLine(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        root: { type: 'string' },
        config: { type: 'string' },
        fix: { type: 'boolean' },
        'max-warnings': { type: 'string' },
        quiet: { type: 'boolean' },
        external: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(firstSentence((error as Error).message));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...paths] = positionals;
  if (command !== 'lint') throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
  const format = values.format as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}": use ${FORMATS.join(', ')}`);
  if (paths.length === 0) throw new UsageError('no files or directories given');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings ${values['max-warnings']}: give a whole number, 0 or more`);
  }
  return {
    kind: 'lint',
    options: { paths, format, root: values.root, config: values.config, fix: values.fix ?? false, maxWarnings, quiet: values.quiet ?? false, external: values.external ?? false },
  };
}

export function firstLine(message: string): string {
  return message.split('\n', 1)[0];
}

function firstSentence(message: string): string {
  const sentence = firstLine(message).split(/\.\s/, 1)[0].replace(/\.$/, '');
  return sentence.charAt(0).toLowerCase() + sentence.slice(1);
}
