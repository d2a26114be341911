import type { Token } from '../../../spelling/tokens';
import type { Part } from '../documentWords';
import type { WordIssue } from '../types';
import type { ForeignWords } from './foreign';

/**
 * Real words of another language in a place where they are almost always a slip for another,
 * found by the function words around them, as the English rules do: German `dass` where the
 * pronoun `das` is meant, French `par` for `pas` after `ne`, `la` for `là`, the future for the
 * conditional, Portuguese `da` for the verb `dá`.
 */
interface Context {
  t: Token;
  prev?: Token;
  prev2?: Token;
  next?: Token;
  next2?: Token;
  /** The text right after the word. */
  after: string;
  /** The text from the word on. */
  rest: string;
  language: ForeignWords;
}

type Rule = (c: Context) => string | undefined;

/** Words a German `dass` clause never starts with: finite verbs and adverbs that make `dass` the pronoun `das`. */
const AFTER_DAS: ReadonlySet<string> = new Set([
  ...['ist', 'war', 'sind', 'waren', 'hat', 'hatte', 'hätte', 'wird', 'wurde', 'würde', 'kann', 'konnte', 'könnte', 'muss', 'musste', 'soll', 'sollte', 'will', 'wollte', 'darf', 'geht', 'gibt', 'macht'],
  ...['hier', 'schon', 'dann', 'doch', 'eben', 'von'],
]);
const FRENCH_SUBJECTS: ReadonlySet<string> = new Set(['on', 'je', 'il', 'elle', 'nous', 'vous', 'ils', 'elles', "j'ai", "c'est"]);
const FRENCH_ADVERBS: ReadonlySet<string> = new Set(['bien', 'tellement', 'vraiment', 'aussi', 'beaucoup']);
const WISHES: ReadonlySet<string> = new Set(['voulu', 'aimé', 'préféré', 'adoré', 'souhaité']);
const PARTICIPLE = /^\p{Ll}+(?:é|u|i|is|it)$/u;
/** Forms of `avoir` a past participle follows (`il a donné`, `ça a suffi`). */
const AVOIR: ReadonlySet<string> = new Set(['a', 'ai', 'as', 'avait', 'avais', 'avons', 'avez', 'ont', 'avaient', 'aurait', "j'ai", "n'a", "n'ai", "n'avait", "m'a", "t'a", "l'a"]);
const VEZ_DETERMINERS: ReadonlySet<string> = new Set(['uma', 'cada', 'outra', 'alguma', 'nenhuma', 'primeira', 'segunda', 'terceira', 'última', 'essa', 'esta', 'aquela', 'toda', 'duas', 'três', 'mais', 'de', 'da', 'na', 'em', 'por', 'pela', 'talvez', 'às', 'sua', 'minha', 'nossa', 'tua']);
const FRENCH_VERBS_IN_S: ReadonlySet<string> = new Set(['vais', 'allons', 'viens', 'venons', 'peux', 'veux', 'dois', 'pouvons', 'voulons', 'devons', 'fais', 'faisons', 'sais', 'savons', 'irons', 'pourrons', 'pourrais', 'voudrais', 'aimerais', 'sommes', 'es', 'as', 'avons', 'puis', 'sans', 'pas', 'plus', 'moins', 'très', 'trop']);
const FRENCH_DETERMINERS: ReadonlySet<string> = new Set(['les', 'des', 'ces', 'ses', 'mes', 'tes', 'nos', 'vos', 'leurs', 'plus', 'tous', 'toutes', 'plusieurs', 'certains', 'quelques']);
const ELIDING_PREPOSITIONS: ReadonlySet<string> = new Set(['de', 'à', 'pour', 'sans']);

const RULES: Readonly<Record<string, Rule[]>> = {
  de: [
    // `dass` before a verb or an adverb (`…, dass ist`, `ich dass hier tippe`): the pronoun `das`.
    ({ t, next }) => (t.lower === 'dass' && next && (AFTER_DAS.has(next.lower) || /^ge\p{Ll}{3,}(?:en|t)$/u.test(next.text)) ? 'das' : undefined),
  ],
  fr: [
    // `ne … par`: the negation's `pas`.
    ({ t, prev, prev2 }) => (t.lower === 'par' && ((prev && /^n'/.test(prev.lower)) || prev2?.lower === 'ne') ? 'pas' : undefined),
    // `la` before a subject or a question mark is the adverb `là` (`de la on propose`, `on s'arrête la ?`).
    ({ t, next, after }) => (t.lower === 'la' && ((next && FRENCH_SUBJECTS.has(next.lower)) || /^\s*[?!]/.test(after)) ? 'là' : undefined),
    // The future of `vouloir` and `aimer` in the first person for the conditional (`je voudrai`, `j'aimerai`).
    ({ t, prev }) => (t.lower === 'voudrai' && prev?.lower === 'je' ? 'voudrais' : t.lower === "j'aimerai" ? "j'aimerais" : undefined),
    // `j'aurai` + a past participle of wish or regret: the past conditional (`j'aurais voulu`).
    ({ t, next, next2 }) => {
      if (t.lower !== "j'aurai" || !next) return undefined;
      const participle = (w?: Token): boolean => !!w && (WISHES.has(w.lower) || PARTICIPLE.test(w.text));
      return WISHES.has(next.lower) || (FRENCH_ADVERBS.has(next.lower) && participle(next2)) ? "j'aurais" : undefined;
    },
    // After `avoir`, the past participle, not the infinitive or the present (`il a donner`, `ça a suffit`).
    ({ t, prev, language }) => {
      if (!prev || !AVOIR.has(prev.lower) || prev.text === 'A') return undefined; // `A noter`: the preposition à
      if (/^\p{Ll}{3,}er$/u.test(t.text) && language.knows(`${t.text.slice(0, -2)}é`)) return `${t.text.slice(0, -2)}é`;
      if (/^\p{Ll}{3,}it$/u.test(t.text) && language.knows(t.text.slice(0, -1)) && !language.knows(`${t.text}e`)) return t.text.slice(0, -1);
      return undefined;
    },
    // `sensé` (sensible) before an infinitive: `censé` (supposed to).
    ({ t, next, language }) => (/^sensée?s?$/.test(t.lower) && next && /^\p{Ll}{3,}(?:er|ir|re|oir)$/u.test(next.text) && language.knows(next.text) ? `c${t.text.slice(1)}` : undefined),
    // `voir` between a noun and a bare noun (`sans efforts voir souffrances`): `voire` (or even).
    ({ t, prev, next }) =>
      t.lower === 'voir' && prev && next && /^\p{Ll}{3,}s$/u.test(prev.text) && !FRENCH_VERBS_IN_S.has(prev.lower) && /^\p{Ll}{3,}s$/u.test(next.text) && !FRENCH_DETERMINERS.has(next.lower) ? 'voire' : undefined,
    // `de ce lancer`: the reflexive `se` before an infinitive.
    ({ t, prev, next, language }) =>
      t.lower === 'ce' && prev && ELIDING_PREPOSITIONS.has(prev.lower) && next && /^\p{Ll}{3,}[^i]er$/u.test(next.text) && language.knows(next.text) ? 'se' : undefined,
  ],
  pt: [
    // `da` (of the) before an article: the verb `dá` (`e da um passe`).
    ({ t, next }) => (t.lower === 'da' && next && (next.lower === 'um' || next.lower === 'uma') ? 'dá' : undefined),
    // An infinitive that lost its `r` before an enclitic pronoun takes an accent (`torná-lo`).
    ({ t, after }) => (/^-(?:lo|la|los|las)\b/.test(after) && /^\p{Ll}{2,}[ae]$/u.test(t.text) ? t.text.slice(0, -1) + (t.text.endsWith('a') ? 'á' : 'ê') : undefined),
    // The noun `vez` needs a determiner (`uma vez`, `cada vez`); before an article, without one, it is the verb `fez`.
    ({ t, prev, next }) => (t.lower === 'vez' && next && ['um', 'uma', 'o', 'a', 'os', 'as'].includes(next.lower) && !(prev && VEZ_DETERMINERS.has(prev.lower)) ? 'fez' : undefined),
    // `a` before a span of time ago: `há` (`a pelo menos 7 anos`).
    ({ t, rest }) => (t.lower === 'a' && /^a\s+(?:pelo menos\s+|uns\s+|umas\s+)?\d+\s+(?:anos|meses|dias|semanas|horas)\b/i.test(rest) ? 'há' : undefined),
  ],
};

/** The wrong words of the blocks written in a language that has rules, in document offsets. */
export function foreignWrongWords(parts: readonly Part[], languageOf: (part: Part, block: number) => ForeignWords | undefined): WordIssue[] {
  const out: WordIssue[] = [];
  for (const part of parts) {
    const { tokens, text } = part;
    const joined = (a: Token | undefined, b: Token | undefined): boolean => !!a && !!b && a.block === b.block && /^[ \t]*\r?\n?[ \t>]*$/.test(text.slice(a.end, b.start).replace(/[*_]/g, ''));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const rules = RULES[languageOf(part, t.block)?.profile.code ?? ''];
      if (!rules) continue;
      const prev = joined(tokens[i - 1], t) ? tokens[i - 1] : undefined;
      const prev2 = prev && joined(tokens[i - 2], prev) ? tokens[i - 2] : undefined;
      const next = joined(t, tokens[i + 1]) ? tokens[i + 1] : undefined;
      const next2 = next && joined(next, tokens[i + 2]) ? tokens[i + 2] : undefined;
      const language = languageOf(part, t.block)!;
      const c: Context = { t, prev, prev2, next, next2, after: text.slice(t.end, t.end + 4), rest: text.slice(t.start, t.start + 40), language };
      for (const rule of rules) {
        const fix = rule(c);
        if (!fix) continue;
        const written = t.text;
        const cased = /^\p{Lu}/u.test(written) ? fix.charAt(0).toUpperCase() + fix.slice(1) : fix;
        // In the writer's apostrophe: `j’aurai` → `j’aurais`.
        const suggestion = written.includes('’') ? cased.replace(/'/g, '’') : cased;
        out.push({ span: { start: part.base + t.start, end: part.base + t.end }, word: written, suggestions: [suggestion] });
        break;
      }
    }
  }
  return out;
}
