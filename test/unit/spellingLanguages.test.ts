import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze, AnalysisSession, DEFAULT_SETTINGS, DICTIONARY, LANGUAGE_DICTIONARIES, MemoryWorkspace, type LanguageDictionaryLoader } from '../../server/src/core';
import { ForeignWords } from '../../server/src/core/rules/spelling/languages/foreign';
import { Dictionary } from '../../server/src/core/spelling/dictionary';
import { testSession } from '../support/session';
import { lines, source } from './util';

const ROOT = join(__dirname, '..', '..');
const COMPILED = join(ROOT, 'dist', 'dictionaries', 'en.dict');
let english: Dictionary;

before(() => {
  if (!existsSync(COMPILED)) execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-dictionaries.ts')], { cwd: ROOT });
  english = new Dictionary(readFileSync(COMPILED, 'latin1'));
});

/** A language's word list for a fixture: every word of the correct text, as written. */
function wordsOf(...texts: string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) for (const m of text.matchAll(/[\p{L}][\p{L}'’]*/gu)) out.add(m[0]);
  return out;
}

function sessionWith(languages: LanguageDictionaryLoader): AnalysisSession {
  const clock = testSession({ dictionary: english }).clock;
  return new AnalysisSession({ workspace: new MemoryWorkspace(), clock, settings: DEFAULT_SETTINGS, inputs: [[DICTIONARY, english], [LANGUAGE_DICTIONARIES, languages]] as never });
}

/** The spelling findings a writer sees, as `code text → first suggestion`. */
function shown(text: string, session: AnalysisSession, uri?: string): string[] {
  const { findings } = analyze(session, source(text, uri), { settings: DEFAULT_SETTINGS });
  return findings
    .filter((f) => f.code.startsWith('spelling/') && f.code !== 'spelling/unknown-word')
    .map((f) => {
      const suggestions = (f.data as { suggestions?: string[] } | undefined)?.suggestions ?? [];
      return `${f.code} ${text.slice(f.span.start, f.span.end)}${suggestions.length > 0 ? ` → ${suggestions[0]}` : ''}`;
    });
}

const GERMAN_WORDS = wordsOf(
  'Am zweiten Tag der Konferenz gab es viele Vorträge über Datenbanken und Betrieb. Die Stimmung war gut, und das Essen in der Pause auch.',
  'Besonders gut fand ich den Vortrag von Anna über Sicherheit und die Verwaltung von Schlüsseln. Danach ging es zur Abendveranstaltung am Fluss.',
  'Das Team hat gezeigt, wie man Dienste betreibt, ohne dass jemand nachts aufstehen muss. Das ist ein Thema, das alle betrifft.',
  'Konferenz Verwaltungsdaten Daten Sicherheits Konzept Abend Programm Fluss Betrieb Schlüssel für das',
);
const GERMAN_LOADER: LanguageDictionaryLoader = (language) => (language === 'de' ? GERMAN_WORDS : undefined);

describe('spelling: German posts', () => {
  const body = (extra: string): string =>
    lines(
      '---',
      'title: Konferenzbericht',
      'lang: de',
      '---',
      '',
      'Am zweiten Tag der Konferenz gab es viele Vorträge über Datenbanken und Betrieb. Die Stimmung war gut, und das Essen in der Pause auch.',
      '',
      extra,
    );

  it('finds a misspelled German word and suggests German words', () => {
    const text = body('Besonders gut fand ich den Vortrag von Anna über Sicherheit und die Verwaltung von Schlüseln. Danach ging es zur Abendveranstaltung am Fluss.');
    assert.deepEqual(shown(text, sessionWith(GERMAN_LOADER)), ['spelling/likely-typo Schlüseln → Schlüsseln']);
  });

  it('accepts compounds of known words, and English words joined to German ones', () => {
    const text = body('Das Sicherheitskonzept und das Abendprogramm am Fluss waren gut. Die Deploymentpipeline auch.');
    assert.deepEqual(shown(text, sessionWith(GERMAN_LOADER)), []);
  });

  it('finds a compound that lost its linking s', () => {
    const text = body('Die Verwaltungdaten waren gut, und das Essen in der Pause auch.');
    assert.deepEqual(shown(text, sessionWith(GERMAN_LOADER)), ['spelling/likely-typo Verwaltungdaten → Verwaltungsdaten']);
  });

  it('leaves German forms of English verbs and abbreviations alone', () => {
    const text = body('Das Team hat gezeigt, wie man Dienste deployen und hosten kann, bspw. in der Pause.');
    assert.deepEqual(shown(text, sessionWith(GERMAN_LOADER)), []);
  });

  it('reads `dass` before a verb or an adverb as the pronoun `das`', () => {
    const text = body('Das Team hat gezeigt, wie man Dienste betreibt, ohne dass jemand nachts aufstehen muss. Ich fand dass schon gut, und dass ist ein Thema.');
    assert.deepEqual(shown(text, sessionWith(GERMAN_LOADER)), ['spelling/wrong-word dass → das', 'spelling/wrong-word dass → das']);
  });

  it('allows the pronoun before its article (`die die`), not a doubled `ich`', () => {
    const text = body('Die Verwaltung, die die Schlüssel hat, war gut. Danach ging ich ich zur Abendveranstaltung am Fluss.');
    assert.deepEqual(shown(text, sessionWith(GERMAN_LOADER)), ['spelling/repeated-word ich']);
  });
});

const FRENCH_TEXT = [
  "Le premier jour de la conférence, nous avons assisté à plusieurs sessions sur l'analyse des données et la sécurité des applications.",
  "L'équipe a présenté une démonstration très réussie, et l'intervention suivante portait sur la dégradation des performances en production.",
  "On ne possède pas toujours les outils, mais la journée s'est très bien passée et nous avons beaucoup appris sur la défense des systèmes.",
];
const FRENCH_WORDS = wordsOf(...FRENCH_TEXT, 'analyse équipe intervention faire réussi différentes');
const FRENCH_LOADER: LanguageDictionaryLoader = (language) => (language === 'fr' ? FRENCH_WORDS : undefined);

describe('spelling: French posts', () => {
  const post = (...body: string[]): string => lines('---', 'title: Compte rendu', 'lang: fr', '---', '', ...body);

  it('reads elided articles, and finds accents left off, even on words English knows', () => {
    const text = post(FRENCH_TEXT[0], '', "L'équipe a présenté une démonstration très réussie, et l'intervention suivante portait sur la degradation des performances en production.");
    assert.deepEqual(shown(text, sessionWith(FRENCH_LOADER)), ['spelling/likely-typo degradation → dégradation']);
  });

  it('finds an accent added where the word has none', () => {
    const text = post(FRENCH_TEXT[0], '', "L'équipe a présenté une démonstration très réussie, et l'intervéntion suivante portait sur la dégradation des performances en production.");
    assert.deepEqual(shown(text, sessionWith(FRENCH_LOADER)), ["spelling/likely-typo l'intervéntion → l'intervention"]);
  });

  it('reads `par` after `ne` as `pas`', () => {
    const text = post(FRENCH_TEXT[0], '', "On ne possède par toujours les outils, mais la journée s'est très bien passée et nous avons beaucoup appris sur la défense des systèmes.");
    assert.deepEqual(shown(text, sessionWith(FRENCH_LOADER)), ['spelling/wrong-word par → pas']);
  });

  it('finds the participle after `avoir`, and a word split in two', () => {
    const words = new Set([...FRENCH_WORDS, 'donné', 'écosystème', 'système', 'donner']);
    const text = post(FRENCH_TEXT[0], '', "L'équipe a donner une démonstration très réussie, et l'intervention suivante portait sur la dégradation de l'éco système en production.");
    assert.deepEqual(shown(text, sessionWith((l) => (l === 'fr' ? words : undefined))), ['spelling/wrong-word donner → donné', "spelling/likely-typo l'éco → l'écosystème"]);
  });

  it('is detected without `lang` in the front matter and checked in French', () => {
    const text = lines(FRENCH_TEXT[0], '', FRENCH_TEXT[1], '', "On ne possède pas toujours les outils, mais la journée s'est très bien passée et nous avons beaucoup appris sur la défense des sytèmes.");
    assert.deepEqual(shown(text, sessionWith((l) => (l === 'fr' ? new Set([...FRENCH_WORDS]) : undefined))), ['spelling/likely-typo sytèmes → systèmes']);
  });
});

describe('spelling: other languages load lazily', () => {
  it('loads a language once per session, and never for an English post', () => {
    const asked: string[] = [];
    const session = sessionWith((language) => {
      asked.push(language);
      return language === 'fr' ? FRENCH_WORDS : undefined;
    });
    shown(lines('We went to the conference and enjoyed the talks about scaling clusters.', '', 'The second day was even better than the first one.'), session);
    assert.deepEqual(asked, [], 'an English post loads no other dictionary');
    const french = lines('---', 'title: Compte rendu', 'lang: fr', '---', '', ...FRENCH_TEXT);
    shown(french, session, 'file:///site/_posts/2024-05-02-un.md');
    shown(`${french}\n`, session, 'file:///site/_posts/2024-05-03-deux.md');
    assert.deepEqual(asked, ['fr'], 'the French dictionary is read once');
  });
});

describe('spelling: a language dictionary as the checker asks it', () => {
  const words = new ForeignWords('fr', new Set(['être', 'mœurs', 'analyse', 'religion', 'dégradation']));
  it('knows a word after an elided article, with oe for œ, and a capital without its accent', () => {
    assert.equal(words.knows("l'analyse"), true);
    assert.equal(words.knows('l’analyse'), true);
    assert.equal(words.knows('moeurs'), true);
    assert.equal(words.knows('Etre'), true);
    assert.equal(words.knows('analise'), false);
  });
  it('finds forms that differ only in their accents', () => {
    assert.equal(words.accented('réligion'), 'religion');
    assert.equal(words.accented('degradation'), 'dégradation');
    assert.equal(words.accented('analise'), undefined);
  });
});
