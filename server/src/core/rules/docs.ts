/** A code `a/b` links to `<base>/a/b.md`. */
export function docUrl(code: string, base: string): string {
  return `${base.replace(/\/$/, '')}/${code}.md`;
}
