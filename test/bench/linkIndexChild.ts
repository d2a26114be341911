/**
 * Indexes one site folder and prints how long it took; the links benchmark bundles this file
 * as the server is bundled and runs it in a fresh process, so that RSS and time are its own.
 */
import { LinkIndex } from '../../server/src/core/links/linkIndex';
import { fillLinkIndex } from '../../server/src/node/linkIndex';
import { NodeWorkspace } from '../../server/src/node/workspace';

async function main(root: string): Promise<void> {
  // Load the parsers first (as a running server has): module loading is not indexing.
  new LinkIndex(new NodeWorkspace([])).setFile('file:///warm/a.md', '---\ntitle: a\n---\n# A\n');
  const workspace = new NodeWorkspace([root]);
  const index = new LinkIndex(workspace);
  const t = performance.now();
  const { files } = await fillLinkIndex(index, [root]);
  console.log(`indexed ${files} files in ${(performance.now() - t).toFixed(1)} ms`);
}

void main(process.argv[2]);
