import { DATE_FORMATS } from './dates';

/**
 * The string formats every front-matter schema may use: the generators' date formats, and the
 * standard `date` and `date-time`, read as generators read dates.
 */
export const SCHEMA_FORMATS: Readonly<Record<string, (text: string) => boolean>> = {
  ...DATE_FORMATS,
  date: DATE_FORMATS['zola-date'],
  'date-time': DATE_FORMATS['loose-date'],
};

/** The same, as ajv's format definitions (what precompiled validators call). */
export const SCHEMA_FORMAT_DEFINITIONS: Readonly<Record<string, { type: 'string'; validate: (text: string) => boolean }>> = Object.fromEntries(
  Object.entries(SCHEMA_FORMATS).map(([name, validate]) => [name, { type: 'string' as const, validate }]),
);
