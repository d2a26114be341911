import { closest, distance } from 'fastest-levenshtein';

/** The known key an unknown one is probably a misspelling of. */
export function suggest(name: string, known: string[]): string | undefined {
  if (known.length === 0 || name.length < 3) return undefined;
  const lower = name.toLowerCase();
  const exact = known.find((k) => k.toLowerCase() === lower);
  if (exact) return exact;
  const best = closest(lower, known);
  const limit = lower.length <= 5 ? 1 : lower.length <= 9 ? 2 : 3;
  return distance(lower, best.toLowerCase()) <= limit ? best : undefined;
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
