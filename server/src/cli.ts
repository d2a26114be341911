import { USAGE, UsageError, firstLine, parseCommandLine } from './cli/args';
import { lint, type Io } from './cli/lint';

declare const SERVER_VERSION: string;

/** The command line: `talkdown lint …`. Returns the exit status. */
export async function main(argv: string[], io: Io, dictionaryRead?: Promise<Uint8Array>): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    if (parsed.kind === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (parsed.kind === 'version') {
      io.out(SERVER_VERSION);
      return 0;
    }
    return await lint(parsed.options, io, dictionaryRead);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`talkdown: ${error.message} (see talkdown --help)`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e.code && e.path) {
      io.err(`talkdown: cannot read ${e.path}: ${e.code}`);
      return 2;
    }
    throw error;
  }
}

/**
 * Runs the command line of this process; `done` hears when it has finished. `dictionaryRead`:
 * the English dictionary's file, read by the launcher while this bundle loaded.
 */
export function run(done?: () => void, dictionaryRead?: Promise<Uint8Array>): void {
  const io: Io = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n'), errIsTerminal: process.stderr.isTTY === true };
  main(process.argv.slice(2), io, dictionaryRead)
    .then(
      (code) => (process.exitCode = code),
      (error: unknown) => {
        process.stderr.write(`talkdown: internal error: ${firstLine((error as Error).message)}\n`);
        process.exitCode = 2;
      },
    )
    .finally(done);
}

// Run directly (not through dist/cli.js, the launcher in cli/launch.ts).
if (require.main === module) run();
