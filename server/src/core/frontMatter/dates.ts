/**
 * Dates as site generators read them. Each generator accepts its own set of string forms;
 * YAML and TOML dates are checked on their source text, because a YAML parser turns
 * `2024-13-45` into a real (and wrong) date without complaint.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** `2024-11-15 09:30`, `2024-11-15T09:30:00.5Z`, `2024-11-15 09:30:00 -0500`, `… +02:00`. */
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?$/i;
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?$/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822/1123 and `15 Nov 2024`: `Fri, 15 Nov 2024 09:30:00 -0500`. */
const RFC822 = /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?(?:\s+(?:[A-Z]{1,5}|[+-]\d{4}))?)?$/;

export type DateFormatName = 'jekyll-date' | 'hugo-date' | 'zola-date' | 'eleventy-date' | 'loose-date';

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validTime(h?: string, m?: string, s?: string): boolean {
  return (h === undefined || Number(h) < 24) && (m === undefined || Number(m) < 60) && (s === undefined || Number(s) < 61);
}

function checkIso(match: RegExpExecArray | null): boolean {
  if (!match) return false;
  return validDay(Number(match[1]), Number(match[2]), Number(match[3])) && validTime(match[4], match[5], match[6]);
}

function checkRfc822(text: string): boolean {
  const m = RFC822.exec(text);
  if (!m) return false;
  const month = MONTHS.indexOf(m[2].toLowerCase()) + 1;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  return month > 0 && validDay(year, month, Number(m[1])) && validTime(m[4], m[5], m[6]);
}

export const DATE_FORMATS: Record<DateFormatName, (text: string) => boolean> = {
  // Jekyll reads dates with Ruby's Time.parse; these are the forms its docs promise.
  'jekyll-date': (t) => checkIso(ISO_DATETIME.exec(t.trim())),
  'hugo-date': (t) => checkIso(ISO_DATETIME.exec(t.trim())) || checkRfc822(t.trim()),
  'zola-date': (t) => checkIso(ISO_DATE.exec(t.trim())) || checkIso(RFC3339.exec(t.trim())),
  'eleventy-date': (t) => /^(?:git )?(?:Last Modified|Created)$/.test(t.trim()) || checkIso(ISO_DATETIME.exec(t.trim())),
  'loose-date': (t) => checkIso(ISO_DATETIME.exec(t.trim())) || checkRfc822(t.trim()),
};

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
  /** `09:30:00`, when the text had a time. */
  time?: string;
  /** `-0500`, `+02:00` or `Z`, as written. */
  offset?: string;
}

/**
 * Reads a date written in any common way, for the "normalise" fix: ISO forms, RFC 822,
 * `15 Nov 2024`, `Nov 15, 2024`, `15.11.2024` and `2024/11/15`. US-style `11/15/2024` is
 * read only when the day cannot be a month. Undefined when the text is not a real date.
 */
export function readDate(text: string): CalendarDate | undefined {
  const t = text.trim().replace(/^["']|["']$/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(t);
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), m[4], m[5], m[6], m[7]);
  m = /^(?:[A-Za-z]{3,9},?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?\s*([+-]\d{4}|Z)?/.exec(t);
  if (m) return build(Number(m[3]), monthOf(m[2]), Number(m[1]), m[4], m[5], m[6], m[7]);
  m = /^(?:[A-Za-z]{3,9},?\s+)?([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(t);
  if (m) return build(Number(m[3]), monthOf(m[1]), Number(m[2]), m[4], m[5], m[6]);
  m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    // 15.11.2024 or 15/11/2024 is day first; 11/15/2024 can only be month first.
    return a > 12 ? build(Number(m[3]), b, a) : b > 12 ? build(Number(m[3]), a, b) : m[0].includes('.') ? build(Number(m[3]), b, a) : undefined;
  }
  return undefined;
}

function monthOf(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

function build(year: number, month: number, day: number, h?: string, min?: string, s?: string, offset?: string): CalendarDate | undefined {
  if (!validDay(year, month, day) || !validTime(h, min, s)) return undefined;
  const date: CalendarDate = { year, month, day };
  if (h !== undefined && min !== undefined) date.time = `${h.padStart(2, '0')}:${min}:${s ?? '00'}`;
  if (offset) date.offset = offset;
  return date;
}

const pad = (n: number) => String(n).padStart(2, '0');

export function isoDay(date: CalendarDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

/**
 * A date in a form every generator reads unquoted: `2024-11-15`, or with a time
 * `2024-11-15 09:30:00 -0500` for Jekyll and Hexo and RFC 3339 for Hugo and Zola (whose
 * TOML and Go parsers want the `T` and a colon in the offset).
 */
export function writeDate(date: CalendarDate, style: 'jekyll' | 'rfc3339'): string {
  const day = isoDay(date);
  if (!date.time) return day;
  if (style === 'jekyll') {
    const offset = date.offset && date.offset.toUpperCase() !== 'Z' ? ' ' + date.offset.replace(':', '') : '';
    return `${day} ${date.time}${offset}`;
  }
  const offset = !date.offset ? '' : date.offset.toUpperCase() === 'Z' ? 'Z' : date.offset.includes(':') ? date.offset : `${date.offset.slice(0, 3)}:${date.offset.slice(3)}`;
  return `${day}T${date.time}${offset}`;
}
