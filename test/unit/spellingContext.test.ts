import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze, AnalysisSession, DEFAULT_SETTINGS, DICTIONARY, LANGUAGE_DICTIONARIES, MemoryWorkspace, type LanguageDictionaryLoader } from '../../server/src/core';
import { Dictionary } from '../../server/src/core/spelling/dictionary';
import { testSession } from '../support/session';
import { lines, source } from './util';

const ROOT = join(__dirname, '..', '..');
const COMPILED = join(ROOT, 'dist', 'dictionaries', 'en.dict');
let real: Dictionary;

before(() => {
  if (!existsSync(COMPILED)) execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-dictionaries.ts')], { cwd: ROOT });
  real = new Dictionary(readFileSync(COMPILED, 'latin1'));
});

function sessionWith(languages?: LanguageDictionaryLoader): AnalysisSession {
  const inputs: [unknown, unknown][] = [[DICTIONARY, real]];
  if (languages) inputs.push([LANGUAGE_DICTIONARIES, languages]);
  const session = testSession({ dictionary: real });
  if (!languages) return session;
  return new AnalysisSession({ workspace: new MemoryWorkspace(), clock: session.clock, settings: DEFAULT_SETTINGS, inputs: inputs as never });
}

/** The spelling findings shown on the Problems list, as `code text`. */
function shown(text: string, session = sessionWith()): string[] {
  const { findings } = analyze(session, source(text), { settings: DEFAULT_SETTINGS });
  return findings.filter((f) => f.code.startsWith('spelling/') && f.code !== 'spelling/unknown-word').map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
}

const INTRO = 'Our team went to the conference and enjoyed the talks about scaling clusters.';

describe('spelling: wrong words in grammar contexts', () => {
  const cases: [string, string, string][] = [
    ['We where amazed by the demos.', 'The hall where we met was cold.', 'where'],
    ['The library has grown into it\'s own ecosystem.', 'It\'s a library with its own ecosystem.', "it's"],
    ['Its a long drive from the station.', 'Its roots go back a decade.', 'Its'],
    ['The new cache is faster then the old one.', 'We cached it and then measured again.', 'then'],
    ['Latency stayed at less that 20 ms.', 'We learned less that day than we hoped.', 'that'],
    ['We stayed, event though it rained.', 'The event, though, was sold out weeks before.', 'event'],
    ['I am not show if it helps.', 'The show was not long.', 'show'],
    ['She wanted to complement me on the slides.', 'The two tools complement each other.', 'complement'],
    ['We walked a long with the crowd.', 'It was a long walk with the crowd.', 'a long'],
    ['Try not to loose the badge.', 'The cable was loose on the desk.', 'loose'],
    ['Lets dive into the second day.', 'Lets you pick a region.', 'Lets'],
    ['They could of started earlier.', 'They spoke of starting earlier.', 'of'],
    ['You should checkout the recording.', 'The checkout flow was slow.', 'checkout'],
  ];
  for (const [wrong, twin, word] of cases) {
    it(`"${word}" in "${wrong}", and not in its twin`, () => {
      assert.deepEqual(shown(lines(INTRO, wrong)), [`spelling/wrong-word ${word}`]);
      assert.deepEqual(shown(lines(INTRO, twin)), []);
    });
  }
  it('offers the correction as the preferred fix, and reads across a soft line break', () => {
    const text = lines(INTRO, 'The speakers said we', 'where lucky.');
    assert.deepEqual(shown(text), ['spelling/wrong-word where']);
  });
});

describe('spelling: the post\'s own spellings', () => {
  it('raises a name the post writes right elsewhere, with that name as the suggestion', () => {
    const text = lines('## Keynote - Ada Vantrecki', '', INTRO, 'Ada Vantrekci opened with a story; see [her talk](https://videos.example.org/vantrecki-keynote).');
    const session = sessionWith();
    const { findings } = analyze(session, source(text), { settings: DEFAULT_SETTINGS });
    const typo = findings.find((f) => f.code === 'spelling/likely-typo');
    assert.equal(typo && text.slice(typo.span.start, typo.span.end), 'Vantrekci');
    assert.deepEqual((typo?.data as { suggestions: string[] }).suggestions, ['Vantrecki']);
  });
  it('leaves two names that are each written once, and a plural of the name, alone', () => {
    assert.deepEqual(shown(lines(INTRO, 'Ada Vantrecki and Ilse Vantrecko both spoke.')), []);
    assert.deepEqual(shown(lines(INTRO, 'Ada Vantrecki met the Vantreckis, twice; Vantrecki stayed.')), []);
  });
  it('takes people\'s names as names, written as names', () => {
    assert.deepEqual(shown(lines(INTRO, 'Lian opened the second track with Vallery.')), []);
  });
});

describe('spelling: inflections', () => {
  it('raises a missing inflection of an English word that is one edit from a common word, not one of a term', () => {
    assert.deepEqual(shown(lines(INTRO, 'We queued for two coffes between the sessions.')), ['spelling/likely-typo coffes']);
    assert.deepEqual(shown(lines(INTRO, 'We queued for two kubeconfigs between the sessions.')), []);
  });
});

describe('spelling: posts in other languages', () => {
  const spanish = new Set(['notas', 'hoy', 'hablamos', 'sobre', 'la', 'conferencia', 'y', 'los', 'equipos', 'muy', 'buenos', 'charlas', 'con', 'mucho', 'gente', 'nueva', 'fue', 'una', 'gran', 'semana', 'para', 'todos', 'nosotros', 'en', 'el', 'de', 'que']);
  const text = lines('---', 'title: Notas', 'lang: es', '---', '', 'Hoy hablamos sobre la conferencia y los equipos, muy buenos; charlas con mucho gente nueva.', 'Fue una gran semana para todos nosotros en el Kubernetes meetup, with a perfomance demo.');
  it('checks a post declared in Spanish with the Spanish dictionary beside English', () => {
    let asked: string[] = [];
    const session = sessionWith((language) => {
      asked.push(language);
      return language === 'es' ? spanish : undefined;
    });
    assert.deepEqual(shown(text, session), ['spelling/likely-typo perfomance']);
    assert.deepEqual(asked, ['es']);
    asked = [];
    shown(lines(INTRO, 'The second day was even better.'), session);
    assert.deepEqual(asked, [], 'an English post loads no other dictionary');
  });
  it('without a dictionary for the language, says the post is not checked', () => {
    const { findings } = analyze(sessionWith(() => undefined), source(text), { settings: DEFAULT_SETTINGS });
    assert.deepEqual(findings.filter((f) => f.code.startsWith('spelling/')).map((f) => f.code), ['spelling/other-language']);
  });
  it('detects an undeclared Spanish post by its words and checks it the same way', () => {
    const body = lines('Hoy hablamos sobre la conferencia y los equipos, muy buenos; charlas con mucho gente nueva que fue una gran semana para todos nosotros.', 'Fue una gran semana para todos nosotros en el meetup, y los equipos muy buenos con mucho gente nueva que hablamos sobre la conferencia.');
    const session = sessionWith((language) => (language === 'es' ? spanish : undefined));
    assert.deepEqual(shown(lines(body, 'La conferencia fue una gran semana con una perfomance demo para todos nosotros que hablamos.'), session), ['spelling/likely-typo perfomance']);
  });
});
