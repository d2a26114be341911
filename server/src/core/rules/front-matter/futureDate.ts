import { Severity } from '../../findings';
import { DATE_FORMATS, isoDay, readDate, type CalendarDate } from '../../frontMatter/dates';
import { valueSpanAt } from '../../frontMatter/locate';
import type { DocumentModel } from '../../model/document';
import { today } from '../../session/clock';
import type { Session } from '../../session/session';
import type { Settings } from '../../settings';
import { siteConfig } from '../../site/config';
import type { Span } from '../../text';
import type { Check, CodeFix } from '../family';
import { checkFrontMatter } from './analysis';

const CODE = 'front-matter/future-date';

/**
 * What each generator that skips future posts reads: the keys that date a post (the first
 * one set wins, as Hugo's `publishDate` defaults do), and the setting that publishes them anyway.
 * Zola, Eleventy, Astro and Hexo publish posts dated in the future by default.
 */
const SKIPS_FUTURE = {
  jekyll: { label: 'Jekyll', keys: ['date'], setting: 'future', describe: 'future: true' },
  hugo: { label: 'Hugo', keys: ['publishDate', 'pubDate', 'published', 'date'], setting: 'buildFuture', describe: 'buildFuture = true' },
} as const;

const UNREADABLE: ReadonlySet<string> = new Set(['front-matter/placeholder', 'front-matter/invalid-date', 'front-matter/wrong-type']);

interface FutureDate {
  span: Span;
  day: string;
  today: string;
  message: string;
}

/** The post's date, when the site's generator will not publish it yet. */
function futureDateOf(model: DocumentModel, settings: Settings, session: Session): FutureDate | undefined {
  const analysis = checkFrontMatter(model, settings, session);
  const { site, data } = analysis;
  const generator = site.generator === 'jekyll' || site.generator === 'hugo' ? SKIPS_FUTURE[site.generator] : undefined;
  const fm = model.frontMatter;
  if (!generator || !data || !fm || !analysis.isPost) return undefined;
  // Drafts and unpublished posts are not built anyway.
  if (data.draft === true || data.published === false || /\/_drafts\//.test(model.uri)) return undefined;
  const key = generator.keys.find((k) => data[k] !== undefined && data[k] !== false);
  const value = key === undefined ? undefined : data[key];
  if (typeof value !== 'string' || !DATE_FORMATS[site.generator === 'jekyll' ? 'jekyll-date' : 'hugo-date'](value)) return undefined;
  // A date that another finding says is unreadable (a placeholder, the wrong type) is left to it.
  if (analysis.issues.some((issue) => UNREADABLE.has(issue.code) && issue.data.path?.length === 1 && issue.data.path[0] === key)) return undefined;
  const date = readDate(value);
  if (!date) return undefined;
  const now = session.clock.now();
  const day = isoDay(date);
  const todayText = isoDay(today(session.clock));
  // A day after today's calendar day, and (when the time and its zone are written) a moment still to come.
  if (day <= todayText || !laterThan(date, now)) return undefined;
  const config = siteConfig(session, site);
  if (settingOf(config.data, generator.setting) === true) return undefined;
  const where = config.file ?? "the site's configuration";
  return {
    span: valueSpanAt(fm, [key!]),
    day,
    today: todayText,
    message: `${generator.label} will not publish this post until ${day} (${generator.describe} is not set in ${where}): its date is after today, ${todayText}. If the date is a mistake, correct it.`,
  };
}

/** Whether the date's moment is after `now`; a date without a time and zone is judged by its day alone. */
function laterThan(date: CalendarDate, now: Date): boolean {
  if (!date.time || !date.offset) return true;
  const offset = date.offset.toUpperCase() === 'Z' ? '+00:00' : date.offset.includes(':') ? date.offset : `${date.offset.slice(0, 3)}:${date.offset.slice(3)}`;
  const moment = Date.parse(`${isoDay(date)}T${date.time}${offset}`);
  return Number.isNaN(moment) || moment > now.getTime();
}

/** A top-level setting, its key matched without regard to case (Hugo's keys are case-insensitive). */
function settingOf(data: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in data) return data[name];
  const lower = name.toLowerCase();
  const key = Object.keys(data).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : data[key];
}

/** Jekyll and Hugo skip posts dated after today unless the site's configuration says otherwise. */
export const futureDateCheck: Check = {
  codes: {
    [CODE]: { defaultSeverity: Severity.Warning, summary: 'A post dated after today, which Jekyll or Hugo will not publish until that day.' },
  },
  *check({ model, settings, session }) {
    const found = futureDateOf(model, settings, session);
    if (found) yield { code: CODE, span: found.span, message: found.message };
  },
  fixes({ model, settings, session }, finding): CodeFix[] {
    const found = futureDateOf(model, settings, session);
    if (!found || found.span.start !== finding.span.start || found.span.end !== finding.span.end) return [];
    // Today's day in place of the written one: the time, the zone and the quotes stay.
    const text = model.text.slice(found.span.start, found.span.end);
    const at = text.search(/\d{4}-\d{2}-\d{2}/);
    const span = at === -1 ? found.span : { start: found.span.start + at, end: found.span.start + at + 10 };
    const newText = at === -1 ? (/^["']/.test(text) ? `${text[0]}${found.today}${text[0]}` : found.today) : found.today;
    return [{ title: `Set the date to today, ${found.today}`, code: CODE, findingSpan: found.span, isPreferred: true, edits: [{ span, newText }] }];
  },
};
