/**
 * What the spell checker needs to know of each language it has a dictionary for, beyond the
 * word list: its letters (to search for near words), the elided articles and pronouns written
 * with an apostrophe (`l'analyse`), the endings it puts on borrowed English verbs (`hosten`,
 * `patchate`), and whether it capitalises its nouns.
 */
export interface LanguageProfile {
  /** ISO 639-1 code. */
  code: string;
  name: string;
  /** Letters beyond a–z, each with the plain letter it stands on. */
  accents: Readonly<Record<string, string>>;
  /** Words elided before a vowel, written with an apostrophe: `l'`, `d'`, `qu'`. */
  elisions: readonly string[];
  /** Endings this language puts on an English stem (`host` + `en`): such a word is a loan, not a typo. */
  loanEndings: readonly string[];
  /** Nouns are written capitalised (German): a capital mid-sentence does not mark a name. */
  capitalisedNouns: boolean;
  /** Compounds are written as one word (German, Dutch): a word made of known words is known. */
  compounds: boolean;
  /** Letters a compound puts between its parts (`Gesundheit-s-amt`). */
  linking: readonly string[];
  /** Words written twice on purpose: a pronoun before its article (`die die`), emphasis (`trop trop`). */
  repeats: readonly string[];
  /** Endings after which a compound's first part must take a linking letter (German `-ung` + `s`). */
  linkedEndings?: RegExp;
}

const FRENCH_ELISIONS = ['l', 'd', 'j', 'm', 't', 's', 'n', 'c', 'qu', 'jusqu', 'lorsqu', 'puisqu', 'quoiqu', 'presqu'];

export const PROFILES: Readonly<Record<string, LanguageProfile>> = {
  de: { code: 'de', name: 'German', accents: { ä: 'a', ö: 'o', ü: 'u', ß: 's' }, elisions: [], loanEndings: ['en', 't', 'et', 'st', 'te', 'ten', 'test', 'tet', 'e', 's', 'ig', 'ige', 'igen', 'iger', 'igste', 'igsten', 'ung'], repeats: ['die', 'der', 'das', 'den', 'dem', 'sie', 'so', 'ganz', 'sehr'], capitalisedNouns: true, compounds: true, linking: ['s', 'es', 'n', 'en', 'e', 'er'], linkedEndings: /(?:ung|heit|keit|schaft|tät|ion|ling|tum)$/ },
  fr: {
    code: 'fr',
    name: 'French',
    accents: { é: 'e', è: 'e', ê: 'e', ë: 'e', à: 'a', â: 'a', î: 'i', ï: 'i', ô: 'o', û: 'u', ù: 'u', ü: 'u', ÿ: 'y', ç: 'c', œ: 'o' },
    elisions: FRENCH_ELISIONS,
    loanEndings: ['er', 'é', 'ée', 'és', 'ées', 'ez', 'ent', 'e', 'es', 'eur', 'eurs'],
    repeats: ['faire', 'nous', 'vous', 'trop', 'très', 'si', 'non', 'oui'], capitalisedNouns: false,
    compounds: false,
    linking: [],
  },
  es: { code: 'es', name: 'Spanish', accents: { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u', ñ: 'n', ü: 'u' }, elisions: [], loanEndings: ['ear', 'eado', 'eada', 'eando', 'ar', 'ado', 'ada', 'o', 'a', 'os', 'as'], repeats: ['bueno', 'muy', 'no', 'sí', 'que'], capitalisedNouns: false, compounds: false, linking: [] },
  pt: {
    code: 'pt',
    name: 'Portuguese',
    accents: { á: 'a', â: 'a', ã: 'a', à: 'a', ç: 'c', é: 'e', ê: 'e', í: 'i', ó: 'o', ô: 'o', õ: 'o', ú: 'u' },
    elisions: [],
    loanEndings: ['ar', 'ado', 'ada', 'ando', 'ou', 'o', 'a', 'os', 'as'],
    repeats: ['muito', 'não', 'que'], capitalisedNouns: false,
    compounds: false,
    linking: [],
  },
  it: {
    code: 'it',
    name: 'Italian',
    accents: { à: 'a', è: 'e', é: 'e', ì: 'i', í: 'i', ò: 'o', ó: 'o', ù: 'u', ú: 'u' },
    elisions: ['l', 'un', 'dell', 'all', 'dall', 'nell', 'sull', 'coll', 'quest', 'quell', 'c', 'd', 'v', 'n', 'm', 't', 's', 'anch', 'com', 'dov', 'cos', 'tutt', 'buon', 'nessun', 'qualcun', 'ciascun'],
    loanEndings: ['are', 'ato', 'ata', 'ati', 'ate', 'ando', 'o', 'a', 'i', 'e'],
    repeats: ['molto', 'proprio', 'no', 'che'], capitalisedNouns: false,
    compounds: false,
    linking: [],
  },
  nl: { code: 'nl', name: 'Dutch', accents: { é: 'e', ë: 'e', ï: 'i', ö: 'o', ü: 'u', è: 'e' }, elisions: [], loanEndings: ['en', 't', 'de', 'te', 'den', 'ten', 'e', 's'], repeats: ['die', 'dat', 'heel', 'zo'], capitalisedNouns: false, compounds: true, linking: ['s', 'en', 'e'] },
  pl: {
    code: 'pl',
    name: 'Polish',
    accents: { ą: 'a', ć: 'c', ę: 'e', ł: 'l', ń: 'n', ó: 'o', ś: 's', ź: 'z', ż: 'z' },
    elisions: [],
    loanEndings: ['ować', 'owy', 'owa', 'owe', 'em', 'y', 'i', 'a', 'u', 'ie', 'ach', 'ami', 'om', 'ów'],
    repeats: ['bardzo', 'nie', 'tak'], capitalisedNouns: false,
    compounds: false,
    linking: [],
  },
};

/** The profile of a language (ISO 639-1); a plain one for a language Talkdown knows nothing of. */
export function profileOf(code: string): LanguageProfile {
  return PROFILES[code] ?? { code, name: code, accents: {}, elisions: [], loanEndings: [], repeats: [], capitalisedNouns: false, compounds: false, linking: [] };
}
