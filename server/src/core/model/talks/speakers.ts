import type { Speaker } from './types';

// Speakers: `Ada Lovelace, Example Corp; Alan Turing, Example Org`, `Mel Cone & Dee Goel, Acme`.

const NAME_PARTICLES: ReadonlySet<string> = new Set(['van', 'von', 'de', 'da', 'das', 'del', 'della', 'der', 'den', 'di', 'du', 'le', 'la', 'dos', 'bin', 'al', 'ter', 'ten', 'y']);
// Words that name organisations: a part holding one is an affiliation, not a person.
const ORG_WORDS: ReadonlySet<string> = new Set(
  'inc corp corporation co ltd llc gmbh ag sa bv labs lab org cloud foundation university institute technologies technology tech systems software group company team project community networks solutions services security research media studio studios bank games data ai io hq consulting partners'.split(' '),
);
// Capitalised words that start titles, not names.
const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  'the a an of in on to with and for from part day track room hall keynote talk session workshop panel intro introduction how why what when my our your is are that this these those not no all about at by into over under without vs'.split(' '),
);
const NAME_TOKEN = /^[\p{Lu}\p{Lt}][\p{L}\p{M}'’.-]*$/u;
const CJK_NAME = /^[\p{Lo}]{2,6}$/u;

export interface SpeakerParse {
  speakers: Speaker[];
  /** How many parts read as organisations. */
  affiliations: number;
}

/** A surname in capitals: not the first word, after a given name in Title case, four letters or more with a vowel. */
function capitalSurname(tokens: string[], token: string): boolean {
  return token !== tokens[0] && /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(tokens[0]) && /^(?=.*[AEIOUYÀ-Ý])\p{Lu}{2,}(?:-\p{Lu}{2,})?$/u.test(token) && token.replace(/-/g, '').length >= 4;
}

function looksLikePerson(part: string): boolean {
  const tokens = part.split(/\s+/).filter(Boolean);
  if (tokens.length === 1) return CJK_NAME.test(tokens[0]);
  if (tokens.length < 2 || tokens.length > 5) return false;
  if (!NAME_TOKEN.test(tokens[0]) || !NAME_TOKEN.test(tokens[tokens.length - 1])) return false;
  for (const token of tokens) {
    const lower = token.toLowerCase().replace(/\.$/, '');
    if (ORG_WORDS.has(lower) || NOT_NAME_WORDS.has(lower)) return false;
    if (!NAME_TOKEN.test(token) && !NAME_PARTICLES.has(token)) return false;
    // All capitals (`AWS`, `CNCF`) reads as an organisation; initials (`J.`) do not, nor a
    // surname in capitals after a given name (`Ana SOUZA`, `Jean-Luc MARTIN-ROCHE`).
    if (token.length > 1 && !token.endsWith('.') && token === token.toUpperCase() && /\p{Lu}{2}/u.test(token) && !capitalSurname(tokens, token)) return false;
  }
  return true;
}

// "And" in a few languages, between two names: `Ana Reis e Caio Luz`, `Jan Nowak i Ola Kot`.
const OTHER_AND = /\s+(?:e|y|et|und|i|ja|en|og|och|ve)\s+/u;

function splitPersons(part: string): string[] | undefined {
  for (const split of [/\s+(?:and|&|\+)\s+|\s*\/\s*/, OTHER_AND]) {
    const names = part.split(split).flatMap((s) => s.split(/\s+(?:and|&|\+)\s+|\s*\/\s*/)).map((s) => s.trim()).filter(Boolean);
    if (names.length > 0 && names.every(looksLikePerson)) return names;
  }
  return undefined;
}

function hasOrgWord(part: string): boolean {
  return part.split(/\s+/).some((t) => ORG_WORDS.has(t.toLowerCase().replace(/[.,]$/, '')));
}

/**
 * Reads a speaker list; undefined unless at least one part reads as a person's name.
 * A part that is not a name is the affiliation of the names before it.
 */
export function parseSpeakers(input: string): SpeakerParse | undefined {
  // `Name from Org`, `Name at Org`: the organisation after a preposition.
  const text = input.trim().replace(/\s+(?:from|at|@)\s+(?=[\p{Lu}\p{N}])/gu, ', ');
  if (text.length === 0 || text.length > 400 || /[\[\]{}<>|`]|https?:/.test(text)) return undefined;
  const groups = text.split(/\s*;\s*/).filter(Boolean);
  const semicolons = groups.length > 1;
  const speakers: Speaker[] = [];
  let affiliations = 0;
  let leading = false;
  for (const group of groups) {
    const parts = group.split(/\s*,\s*/).filter(Boolean);
    let pending: Speaker[] = [];
    parts.forEach((part, i) => {
      const persons = hasOrgWord(part) ? undefined : splitPersons(part);
      const last = i === parts.length - 1 && i > 0;
      // `Name, Org; Name, Org` and `A and B, Org`: a final name-like part is the affiliation.
      const readAsOrg = !persons || (last && pending.length > 0 && (semicolons || /\s(?:and|&|\+)\s|\//.test(parts[0]) && parts.length === 2));
      if (readAsOrg) {
        // A list opens with a person: `The Art of Change, Ana Reis` is a title, then a name.
        if (speakers.length === 0) leading = true;
        if (part.length > 80) return;
        affiliations++;
        for (const s of pending) s.affiliation = part;
        pending = [];
      } else {
        for (const name of persons!) {
          const speaker: Speaker = { name };
          speakers.push(speaker);
          pending.push(speaker);
        }
      }
    });
  }
  return speakers.length > 0 && !leading ? { speakers, affiliations } : undefined;
}

const SPEAKERS_LINE = /^(?:speakers?|presented by|presenters?|by)\s*[:：]\s*(\S.{0,300})$/isu;

/**
 * The speakers of a `Speakers: Ada Lovelace (Example Corp), Alan Turing` line (`Speaker:`,
 * `Presented by:`, `Presenters:`, `By:`), given the paragraph's plain text; undefined when it is
 * not such a line or names no one.
 */
export function parseSpeakersLine(paragraphText: string): Speaker[] | undefined {
  const m = SPEAKERS_LINE.exec(paragraphText.trim());
  if (!m) return undefined;
  // `Name (Company), Name (Company)`: each person with their affiliation in parentheses.
  const people = m[1].split(/\s*(?:[,;]|\band\b|&)\s*(?![^()]*\))/u).filter((p) => p.trim() !== '');
  const withAffiliations = people.map((p) => /^([^()]{2,80}?)\s*\(([^()]{1,80})\)\s*$/u.exec(p.trim()));
  if (withAffiliations.length > 0 && withAffiliations.every((x) => x !== null)) {
    return withAffiliations.map((x) => ({ name: x![1].trim(), affiliation: x![2].trim() }));
  }
  return parseSpeakers(m[1])?.speakers;
}
