/**
 * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
 * two neighbours (`titel` for `title`) each cost one edit. Stops early past `max`.
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let smallest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      smallest = Math.min(smallest, d);
    }
    if (smallest > max) return max + 1;
    before = previous;
    previous = row;
  }
  return previous[b.length];
}

/** How many edits a key or term of this length may be away from the one meant. */
export function editLimit(length: number): number {
  return length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/** The known key an unknown one is probably a misspelling of. */
export function suggest(name: string, known: string[]): string | undefined {
  if (known.length === 0 || name.length < 3) return undefined;
  const lower = name.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  const limit = editLimit(lower.length);
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const key of known) {
    const d = editDistance(lower, key.toLowerCase(), limit);
    if (d < bestDistance) {
      best = key;
      bestDistance = d;
    }
  }
  return best;
}

export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[part] : undefined;
  return value;
}

export function describeField(field: string): string {
  return field === 'title' ? 'a title' : field === 'date' ? 'a date' : `"${field}"`;
}

export function dateHint(format: string | undefined): string {
  switch (format) {
    case 'jekyll-date':
      return 'a date such as 2024-11-15 or 2024-11-15 09:30:00 -0500';
    case 'zola-date':
      return 'a TOML date such as 2024-03-02 or 2024-03-02T10:00:00Z';
    case 'eleventy-date':
      return 'a date such as 2024-11-15, or "Last Modified" or "Created"';
    default:
      return 'a date such as 2024-11-15 or 2024-11-15T09:30:00-05:00';
  }
}

export function typeName(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (value === null || value === undefined) return 'empty value';
  if (typeof value === 'object') return 'table';
  if (typeof value === 'string') return `text ${JSON.stringify(value.length > 40 ? value.slice(0, 39) + '…' : value)}`;
  return `${typeof value} ${String(value)}`;
}

export function typeLabel(type: string): string {
  return { array: 'a list', string: 'text', boolean: 'true or false', object: 'a table', integer: 'a whole number', number: 'a number', null: 'nothing' }[type] ?? type;
}
