/** A generated Jekyll site of recap posts, for memory measurements. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePost } from '../bench/generate';

export function generateJekyllSite(posts: number, postChars = 6_000): string {
  const root = mkdtempSync(join(tmpdir(), 'talkdown-site-'));
  writeFileSync(join(root, '_config.yml'), 'title: A generated site\npermalink: /:year/:month/:day/:title/\n');
  mkdirSync(join(root, '_posts'));
  mkdirSync(join(root, 'assets', 'images'), { recursive: true });
  const base = generatePost(postChars);
  for (let i = 0; i < posts; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, '0');
    const year = 2015 + Math.floor(i / 336);
    const text = base.replace('title: "A generated recap"', `title: "Generated recap ${i}"`).replace(/part (\d+)/g, `part $1.${i}`);
    writeFileSync(join(root, '_posts', `${year}-${month}-${day}-recap-${i}.md`), text);
    if (i % 10 === 0) writeFileSync(join(root, 'assets', 'images', `slide-${i}.png`), '');
  }
  return root;
}
