/** Cheap tests of whether a section may use a link or footnote label defined elsewhere. */

/** Text folded to the case micromark compares labels in (`ß` and `SS` are one label). */
export function foldCase(text: string): string {
  return text.toLowerCase().toUpperCase();
}

/**
 * Whether `[label` (or `[^label`) may occur in the folded text, with the whitespace a label
 * may start with (`[ Foo bar]`); a superset test, cheap by design.
 */
export function mentions(foldedText: string, label: string, open: string): boolean {
  const firstWord = foldCase(label).replace(/^[\t\n\r ]+/, '').split(/[\t\n\r \\]/, 1)[0];
  if (firstWord === '') return foldedText.includes(open);
  if (foldedText.includes(open + firstWord)) return true;
  for (let at = foldedText.indexOf(firstWord); at !== -1; at = foldedText.indexOf(firstWord, at + 1)) {
    let i = at;
    while (i > 0 && isMarkdownSpace(foldedText.charCodeAt(i - 1))) i--;
    if (i < at && foldedText.startsWith(open, i - open.length)) return true;
  }
  return false;
}

function isMarkdownSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
