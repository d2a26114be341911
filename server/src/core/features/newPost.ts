/**
 * The text behind the New Recap Post and Insert Talk commands: where a generator keeps posts,
 * their file names and front matter, and a talk written in a post's style. Pure, so that
 * the extension client can bundle it without the server's dependencies.
 */
import type { SiteGeneratorName } from '../site/generator';

/** The site module's names; a type-only import, so the client bundles nothing more. */
export type GeneratorName = SiteGeneratorName;

/** The ways Insert Talk can write a talk; each is one the talk model reads back. */
export type InsertStyle = 'link-heading' | 'prefixed' | 'speakers-in-parentheses' | 'speaker-suffix';

export interface NewPost {
  conference: string;
  /** `YYYY-MM-DD`. */
  date: string;
}

export interface NewTalk {
  title: string;
  speakers: string;
  videoUrl: string;
}

/** Where each generator's `new` command (or its documentation) puts posts, from the site root. */
export const NEW_POST_DIR: Record<GeneratorName, string> = {
  jekyll: '_posts',
  hugo: 'content/posts',
  zola: 'content/blog',
  eleventy: 'posts',
  astro: 'src/content/blog',
  hexo: 'source/_posts',
  generic: 'posts',
};

const MAX_SLUG = 80;

/** `KubeCon + CloudNativeCon Europe 2025` → `kubecon-cloudnativecon-europe-2025`. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_SLUG).replace(/-+$/, '') || 'recap';
}

/** A real calendar day written `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** `KubeCon EU 2025` → `KubeCon EU 2025 recap`; a name that already says so is kept. */
export function postTitle(conference: string): string {
  const name = conference.replace(/\s+/g, ' ').trim();
  return /\b(?:recap|notes)\b/i.test(name) ? name : `${name} recap`;
}

/** Jekyll dates its file names; the others name the file by its slug. */
export function postFileName(generator: GeneratorName, post: NewPost): string {
  const slug = slugify(postTitle(post.conference));
  return generator === 'jekyll' ? `${post.date}-${slug}.md` : `${slug}.md`;
}

/** The new post's path from the site root. */
export function postPath(generator: GeneratorName, post: NewPost): string {
  return `${NEW_POST_DIR[generator]}/${postFileName(generator, post)}`;
}

/** A quoted string that is valid both in YAML (double-quoted) and in TOML (basic string). */
function quote(text: string): string {
  return JSON.stringify(text);
}

/** The generator's front matter for a new recap, delimiters included, ending with a line break. */
export function frontMatterText(generator: GeneratorName, post: NewPost): string {
  const title = quote(postTitle(post.conference));
  const lines = (() => {
    switch (generator) {
      case 'jekyll':
        return ['---', 'layout: post', `title: ${title}`, `date: ${post.date}`, 'tags: [conference]', '---'];
      case 'hugo':
        // Hugo's own archetype writes TOML and starts posts as drafts.
        return ['+++', `title = ${title}`, `date = ${post.date}`, 'draft = true', 'tags = ["conference"]', '+++'];
      case 'zola':
        return ['+++', `title = ${title}`, `date = ${post.date}`, '', '[taxonomies]', 'tags = ["conference"]', '+++'];
      case 'eleventy':
        return ['---', `title: ${title}`, `date: ${post.date}`, 'tags: [posts]', '---'];
      case 'astro':
        return ['---', `title: ${title}`, `description: ${quote(`Notes from ${post.conference.trim()}`)}`, `pubDate: ${post.date}`, 'tags: ["conference"]', '---'];
      case 'hexo':
        return ['---', `title: ${title}`, `date: ${post.date} 00:00:00`, 'tags: [conference]', '---'];
      case 'generic':
        return ['---', `title: ${title}`, `date: ${post.date}`, '---'];
    }
  })();
  return lines.join('\n') + '\n';
}

/** The whole new post: front matter, then a line to start writing on. */
export function newPostText(generator: GeneratorName, post: NewPost): string {
  return `${frontMatterText(generator, post)}\n`;
}

/**
 * The style to insert a talk in, from the styles of the post's talks (as the talk model
 * names them): the most common one that Insert Talk can write, else a link heading.
 */
export function insertStyleFor(styles: readonly string[]): InsertStyle {
  const writable: readonly string[] = ['link-heading', 'prefixed', 'speakers-in-parentheses', 'speaker-suffix'];
  const counts = new Map<InsertStyle, number>();
  for (const style of styles) {
    if (writable.includes(style)) counts.set(style as InsertStyle, (counts.get(style as InsertStyle) ?? 0) + 1);
  }
  let best: InsertStyle = 'link-heading';
  let most = 0;
  // Ties go to the earlier style in the post: Map keeps first-seen order.
  for (const [style, count] of counts) {
    if (count > most) [best, most] = [style, count];
  }
  return best;
}

/** Link text and headings must not end early on a bracket or a line break. */
function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(/[[\]]/g, '\\$&');
}

/**
 * A talk as Markdown, in `style`, at heading `depth` (1–6), ending with a line break. The
 * speakers go where the style puts them; with no video the title is not a link.
 */
export function talkText(style: InsertStyle, talk: NewTalk, depth = 3): string {
  const hashes = '#'.repeat(Math.min(6, Math.max(1, depth)));
  const title = inline(talk.title) || 'Talk title';
  const speakers = talk.speakers.replace(/\s+/g, ' ').trim();
  const url = talk.videoUrl.trim();
  const linked = url ? `[${title}](${url})` : title;
  const videoLine = url ? `\n[Video](${url})\n` : '';
  switch (style) {
    case 'link-heading':
      return `${hashes} ${linked}${speakers ? ` (${speakers})` : ''}\n`;
    case 'prefixed':
      return `${hashes} TALK: ${linked}${speakers ? ` (${speakers})` : ''}\n`;
    case 'speakers-in-parentheses':
      return `${hashes} ${title}${speakers ? ` (${speakers})` : ''}\n${videoLine}`;
    case 'speaker-suffix':
      return `${hashes} ${title}${speakers ? ` - ${speakers}` : ''}\n${videoLine}`;
  }
}
