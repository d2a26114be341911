import { Dictionary, encodeDictionary, WordFlag } from '../../server/src/core/spelling/dictionary';

/** A few hundred words of everyday English: enough for tests that need prose to be checked. */
const EVERYDAY = (
  'a about after again all also an and any are as at back be because been before being best but by can could day did do does done down each ' +
  'even every first for from get go good great had has have he her here him his how i if in into is it its just know last like little long ' +
  'look made make many me more most much my new no not note notes now of on one only or other our out over people said same saw see she so ' +
  'some still such take talk talks than that the their them then there these they thing think this those through time to too two up us use ' +
  'used very want was way we well went were what when where which while who will with work worked would year you your demo performance ' +
  'conference team keynote slides scheduler startup small also met'
).split(' ');

/**
 * A dictionary built in memory, so that tests do not need the compiled one (`npm run build`):
 * everyday words (or the given ones), all frequent, both variants, and known misspellings.
 */
export function testDictionary(words: readonly string[] = EVERYDAY, misspellings: [string, string[]][] = [['teh', ['the']]]): Dictionary {
  const unique = [...new Set(words)];
  return new Dictionary(encodeDictionary({ words: unique.map((w) => [w, WordFlag.US | WordFlag.GB]), frequent: unique, misspellings }));
}
