import { franc } from 'franc-min';
import type { DocumentModel } from '../../model/document';
import type { Span } from '../../text';

const LANGUAGE_KEYS = ['lang', 'language', 'locale', 'languageCode'];

const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  pol: 'Polish', deu: 'German', fra: 'French', spa: 'Spanish', por: 'Portuguese', ita: 'Italian', nld: 'Dutch', ces: 'Czech',
  slk: 'Slovak', swe: 'Swedish', dan: 'Danish', nob: 'Norwegian', fin: 'Finnish', hun: 'Hungarian', ron: 'Romanian', tur: 'Turkish',
  rus: 'Russian', ukr: 'Ukrainian', jpn: 'Japanese', cmn: 'Chinese', kor: 'Korean', hrv: 'Croatian', srp: 'Serbian', slv: 'Slovenian',
  cat: 'Catalan', ind: 'Indonesian', vie: 'Vietnamese', ell: 'Greek', bul: 'Bulgarian', lit: 'Lithuanian', lav: 'Latvian', est: 'Estonian',
};

/** The language the front matter declares (`lang`, `language`, `locale`), and where. */
export function declaredLanguage(model: DocumentModel): { value: string; span: Span } | undefined {
  const fm = model.frontMatter;
  if (!fm) return undefined;
  for (const key of LANGUAGE_KEYS) {
    const value = fm.data[key];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const entry = fm.entries.find((e) => e.path.length === 1 && e.path[0] === key);
    return { value: value.trim(), span: entry?.valueSpan ?? fm.span };
  }
  return undefined;
}

/** Whether a declared language is English (`en`, `en-GB`, `en_US`). */
export function isEnglish(declared: string): boolean {
  return /^en(?:[-_]|$)/i.test(declared);
}

/** ISO 639-3 codes of the languages a dictionary may exist for, to their ISO 639-1 codes. */
const SHORT_CODES: Readonly<Record<string, string>> = { spa: 'es', por: 'pt', deu: 'de', fra: 'fr', pol: 'pl', ita: 'it', nld: 'nl' };

/** The language the text reads as (ISO 639-3), by its letter patterns; undefined for English or when unsure. */
export function languageCode(text: string): string | undefined {
  const code = franc(text.slice(0, 4000), { minLength: 20 });
  if (code === 'und' || code === 'eng' || code === 'sco') return undefined;
  return code;
}

/** The language the text reads as, by name; undefined for English or when unsure. */
export function languageName(text: string): string | undefined {
  const code = languageCode(text);
  return code && nameOf(code);
}

/** The name of an ISO 639-3 code (`spa` → Spanish). */
export function nameOf(code: string): string {
  return LANGUAGE_NAMES[code] ?? code;
}

/** The ISO 639-1 code a dictionary is looked up by: from a detected code (`spa`) or a declared one (`es-ES`, `pt_BR`). */
export function dictionaryCode(code: string): string {
  return SHORT_CODES[code] ?? code.slice(0, 2).toLowerCase();
}
