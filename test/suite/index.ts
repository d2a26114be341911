import Mocha from 'mocha';

/**
 * Entry point of the in-editor suite, with the contract both runners use: VS Code loads this
 * module in the extension host and awaits `run()`. Test files are bundled in; they register
 * with mocha's globals, which exist only after `pre-require`.
 */
export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'talkdown-suite', mocha);
  await import('./diagnostics.test');
  await import('./lifecycle.test');
  await import('./outline.test');
  await import('./frontMatter.test');
  await import('./commands.test');
  await import('./links.test');
  await import('./externalLinks.test');
  await import('./spelling.test');
  await import('./teamConfig.test');
  let passes = 0;
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', () => passes++);
  });
  // A plain closing line that CI tools read, whatever the reporter printed.
  console.log(`vscode: ${passes} passed, ${failures} failed`);
  if (failures > 0) throw new Error(`${failures} test(s) failed`);
}
