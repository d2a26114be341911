import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze, DEFAULT_SETTINGS } from '../../server/src/core';
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

/** The spelling findings shown on the Problems list, as `code text`. */
function shown(text: string): string[] {
  const { findings } = analyze(testSession({ dictionary: real }), source(text), { settings: DEFAULT_SETTINGS });
  return findings.filter((f) => f.code.startsWith('spelling/') && f.code !== 'spelling/unknown-word').map((f) => `${f.code} ${text.slice(f.span.start, f.span.end)}`);
}

const INTRO = 'Our team went to the conference and enjoyed the talks about scaling clusters.';

describe('spelling: real words in the wrong place, two words around', () => {
  const cases: [string, string, string][] = [
    ['The new scheduler is stable now and its growing quickly.', 'The project thanked its growing community.', 'its'],
    ['Nobody filmed the panel, but I heard its good.', 'The service kept its good name for years.', 'its'],
    ['The old approach still has it\'s merits.', 'I think it\'s merit that counts here.', "it's"],
    ['The delegates where present on the first morning.', 'Keep the logs where possible on local disks.', 'where'],
    ['The main hall where as always full of chatter.', 'She spoke where as many people as possible could hear.', 'where'],
    ['I spent most of there time in the hallway track.', 'We went there for the food trucks.', 'there'],
    ['Grab the pastries early, there very difficult to find later.', 'We stayed there very late after the party.', 'there'],
    ['The values can be than accessed from the caller.', 'The build was faster than expected.', 'than'],
    ['Most operators never run though a checklist.', 'We run, though the rain was heavy.', 'though'],
    ['That was the worse possible timing for a demo.', 'The queue got worse during the afternoon.', 'worse'],
    ['I have one complain about the venue.', 'People complain about the venue every year.', 'complain'],
    ['Remember to breath between the sessions.', 'Take a breath between the sessions.', 'breath'],
    ['The workshop was lead by two maintainers.', 'They lead the workshop every spring.', 'lead'],
    ['The operator takes the load of managing disks.', 'It took a load of work to migrate.', 'of'],
    ['You actually loose the chance to ask questions.', 'A loose cable ended the demo.', 'loose'],
    ['It depends wether it scales past ten nodes.', 'The wether grazed in the field.', 'wether'],
    ['To learn more checkout [the docs](https://docs.example.org/start).', 'The checkout [page](https://shop.example.org/cart) was slow.', 'checkout'],
    ['Anyway, lets get into the keynotes.', 'The new flag lets people vote twice.', 'lets'],
    ['The team is known regarding it communication style.', 'Adopting it organisation wide is harder, says the IT organisation.', 'it'],
    ['Tell me if your going to the party.', 'Your going-away party was fun.', 'your'],
    ['The change had a big affect on latency.', 'Latency changes affect on-call load.', 'affect'],
    ['I wonder weather it scales.', 'The weather it brought was cold.', 'weather'],
    ['The talk was defiantly worth it.', 'She answered defiantly and left.', 'defiantly'],
    ['There were quiet a few questions.', 'The room was quiet after the demo.', 'quiet'],
    ['Everything worked, accept for the demo.', 'We accept for review any paper.', 'accept'],
  ];
  for (const [wrong, twin, word] of cases) {
    it(`"${word}" in "${wrong}", and not in its twin`, () => {
      const found = shown(lines(INTRO, wrong));
      assert.ok(found.length > 0 && found.every((f) => f === `spelling/wrong-word ${word}`), found.join('; '));
      assert.deepEqual(shown(lines(INTRO, twin)), []);
    });
  }
  it('reads no rule off an inherited property name', () => {
    assert.deepEqual(shown(lines(INTRO, 'The guide has the same signature as my constructor and my toString.')), []);
  });
});

describe('spelling: typos the dictionary can tell', () => {
  const typos: [string, string][] = [
    ['We met the Affrican delegation at the booth.', 'Affrican'],
    ['The handlers run on AWS Lamdba every night.', 'Lamdba'],
    ['He is passionated about compilers.', 'passionated'],
    ['Go and Swift, to name two examplex, do this too.', 'examplex'],
    ['I&#39;tm not convinced it helps.', 'I&#39;tm'],
    ['We deployed with Spinakker.io and found that Spinnaker suits us.', 'Spinakker'],
    ['Our data sits in Amazon Aorura, and Amazon Aurora is fast.', 'Aorura'],
    ['The keynote was about Continous Deployment at scale.', 'Continous'],
    ['We built the dashboards in Grafano for the team.', 'Grafano'],
  ];
  for (const [text, word] of typos) {
    it(`raises "${word}"`, () => assert.deepEqual(shown(lines(INTRO, text)), [`spelling/likely-typo ${word}`]));
  }
  it('reads an apostrophe written as an entity: a right contraction stays quiet', () => {
    assert.deepEqual(shown(lines(INTRO, 'I&#39;m not convinced, and it&#x27;s late.')), []);
  });
});

describe('spelling: words that are right though no dictionary knows them', () => {
  const right: [string, string][] = [
    ['a surname one edit from a given name', 'A great talk by Laura Edwart on queues.'],
    ['a word with accents inside English prose', 'The venue was the Palais des Congrès in the old town.'],
    ['a word of a foreign phrase', 'Breakfast had Pain au Chocolatt and coffee.'],
    ['a coinage in quotes', 'The whole room went ‘blargh’ at the queue.'],
    ['a hyphenated coinage in quotes', 'The two "cousin-bretonnies" gave the talk.'],
    ['a sound said twice', 'Tick tock! The clock ran out.'],
    ['a British spelling of a term', 'We deserialise the payload before storing it.'],
    ['an agent noun of a known verb', 'The ingestors pull the logs every minute.'],
    ['a suffix of spoken English', 'The talk was very marketingy for my taste.'],
    ['a camelCase name the post writes three times', 'We went to JSconfXY. JSConfXY was big. Next year JSconfXY again.'],
    ['a name written more often than a name one letter away', 'The badge is the Nokla 1337, a Nokla phone ([nokla](https://example.org/nokla)) like an old Nokia.'],
    ['a name the post writes three times', 'Zorbix is new. We tried Zorbix twice. [Zorbix](https://zorbix.example.org) works.'],
    ['a term in a list of terms', 'We used objdump, readelf and such.'],
    ['a surname in a list of speakers', '### Queues at Scale – Omari Grafano, Tony Allen & Jared Watts, Upcorp'],
    ['a handle after aka', 'The talk by Fred Hebert aka fredh was great.'],
    ['a short word one edit from a term only', 'The fdoc and evac plans were fine.'],
    ['a command-line flag', 'Compile with -Wconverzion enabled.'],
    ['a Franklin page variable', '@def comentz = true'],
    ['one word of alt text', '![swagg](/img/socks.jpg)'],
    ['a name with an ending of its own', 'It felt very Rusty in a Rustish way, and Rust is fine.'],
    ['"could of course"', 'You could of course run it locally.'],
  ];
  for (const [what, text] of right) {
    it(`leaves ${what} alone`, () => assert.deepEqual(shown(lines(INTRO, '', text)), []));
  }
});

describe('spelling: repeats said on purpose', () => {
  it('an emphasis and a name that repeats the word before it are not repeats; a slip across a line break is', () => {
    assert.deepEqual(shown(lines(INTRO, 'We saw many many demos.')), []);
    assert.deepEqual(shown(lines(INTRO, 'They called the motel Motel Bravo.')), []);
    assert.deepEqual(shown(lines(INTRO, 'We restarted the server', 'Server logs were fine after that.')), ['spelling/repeated-word Server']);
    assert.deepEqual(shown(lines(INTRO, 'The the keynote started late.')), ['spelling/repeated-word the']);
  });
});
