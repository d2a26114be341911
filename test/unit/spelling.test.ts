import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { analyze, AnalysisSession, DEFAULT_SETTINGS, MemoryWorkspace, type DictionaryLoader, type Settings } from '../../server/src/core';
import type { SpellingData } from '../../server/src/core/rules/spelling';
import { Dictionary } from '../../server/src/core/spelling/dictionary';
import { testDictionary } from '../support/dictionary';
import { testSession } from '../support/session';
import { lines, source } from './util';

const ROOT = join(__dirname, '..', '..');
const COMPILED = join(ROOT, 'dist', 'dictionaries', 'en.dict');
let real: Dictionary;

// The dictionary the checks below get, and one session per dictionary for the posts that need no workspace.
let dictionary: Dictionary | DictionaryLoader | undefined;
let shared: AnalysisSession | undefined;
function useDictionary(next: Dictionary | DictionaryLoader | undefined): void {
  dictionary = next;
  shared = undefined;
}

before(() => {
  if (!existsSync(COMPILED)) execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'build-dictionaries.ts')], { cwd: ROOT });
  real = new Dictionary(readFileSync(COMPILED, 'latin1'));
});

function check(text: string, settings: Partial<Settings> = {}, where?: MemoryWorkspace | AnalysisSession, uri?: string) {
  const session = where instanceof AnalysisSession ? where : where ? testSession({ workspace: where, dictionary }) : (shared ??= testSession({ dictionary }));
  const { findings } = analyze(session, source(text, uri), { settings: { ...DEFAULT_SETTINGS, ...settings } });
  return findings
    .filter((f) => f.code.startsWith('spelling/'))
    .map((f) => ({ code: f.code, text: text.slice(f.span.start, f.span.end), data: f.data as SpellingData | undefined, message: f.message }));
}

const warnings = (text: string, settings?: Partial<Settings>, workspace?: MemoryWorkspace) =>
  check(text, settings, workspace).filter((f) => f.code !== 'spelling/unknown-word').map((f) => `${f.code} ${f.text}`);

const PROSE = 'Our team went to the conference and enjoyed the talks about scaling clusters with autoscaling.';

describe('spelling: what is prose', () => {
  before(() => useDictionary(real));

  it('checks paragraphs, headings, lists, tables, quotes, link texts, image alt text and prose front matter', () => {
    const text = lines(
      '---',
      'title: The performnce of schedulers',
      'description: Notes on recieving alerts',
      'summary: A definately useful talk',
      'performnce_key: value',
      '---',
      '',
      '# Scaling without agression',
      '',
      PROSE,
      'The keynote was intersting.',
      '',
      '- a list item with a tipo in a tpyo',
      '',
      '| Talk | Notes |',
      '| ---- | ----- |',
      '| one | very usefull |',
      '',
      '> a quote that was memorible',
      '',
      'See [the recordnig](https://example.com/x) and ![a diagramm of the flow](flow.png), from [Zorblax](https://example.com/z).',
    );
    const found = warnings(text).map((w) => w.split(' ')[1]);
    for (const word of ['performnce', 'recieving', 'definately', 'agression', 'intersting', 'tpyo', 'usefull', 'memorible', 'recordnig', 'diagramm']) {
      assert.ok(found.includes(word), `${word} is not found (found: ${found.join(', ')})`);
    }
    assert.ok(!found.includes('performnce_key'));
  });

  it('never checks code, HTML, URLs, e-mail, paths, link destinations, front-matter keys, shortcodes, emoji, hashes, versions or numbers with units', () => {
    const text = lines(
      '---',
      'title: Fine words',
      'performnce: true',
      'recieve: [x]',
      '---',
      '',
      PROSE,
      '',
      'Run `performnce --recieve` first, then <span class="performnce" data-recieve="x">ok</span>.',
      '',
      '```yaml',
      'performnce: recieve',
      '```',
      '',
      '    indented performnce recieve code',
      '',
      'Links: https://example.com/performnce/recieve?x=definately and www.performnce.io and mailto:recieve@example.com or recieve@performnce.dev.',
      'Files: ./performnce/recieve.yaml, /etc/performnce/recieve.conf and charts/performnce/values.yaml and performnce.md.',
      'A link: [ok](https://example.com/performnce-recieve) and [ref][recieve].',
      '',
      '[recieve]: https://example.com/definately',
      '',
      'Shortcodes: {{< performnce recieve="x" >}} and {% performnce recieve %} and {{ performnce.recieve }} and {{% performnce %}}.',
      'Emoji :performnce: and :recieve_it: are fine, as are #performnce and @recieve.',
      'Hashes 3f2a9c1performnce, versions v1.2.3-performnce, 2.0.0rc1, and 10ms, 5 GiB, 300rps, 4x.',
      'Entities &performnce; and a mojibake Ã¼ber and CafÃ© word.',
    );
    assert.deepEqual(warnings(text), []);
    assert.deepEqual(check(text).filter((f) => /performnce|recieve|definately/.test(f.text)), []);
  });

  it('splits kebab-case and camelCase: parts that are words pass, and a typo in a kebab part is found', () => {
    assert.deepEqual(warnings(lines(PROSE, 'The multi-cluster setUp used a clusterAutoscaler and a well-knwon pattern.')), ['spelling/likely-typo knwon']);
  });

  it('bad input: mojibake, a 100,000-character word and a post of emoji finish quickly with no flood', () => {
    const long = 'a'.repeat(100_000);
    const emoji = '🎉🚀🙂 '.repeat(5_000);
    const mojibake = 'Ã¼Ã¶Ã¤ Ã©tÃ© Ã§a '.repeat(2_000);
    for (const text of [lines(PROSE, long), emoji, lines(PROSE, mojibake), lines(PROSE, 'x'.repeat(50) + ' ' + 'qzv '.repeat(20_000))]) {
      const started = performance.now();
      const found = check(text);
      assert.ok(performance.now() - started < 3000, 'bounded time');
      assert.ok(found.length <= 401, `no flood (${found.length})`);
    }
    assert.deepEqual(check(emoji), []);
  });
});

describe('spelling: names and unknown words', () => {
  before(() => useDictionary(real));

  it('accepts the post own names: speakers in talk headings, authors, tags and Speakers: lines', () => {
    const text = lines(
      '---',
      'title: Notes',
      'authors: [Oyelaran Quist]',
      'tags: [zorbanet]',
      '---',
      '',
      PROSE,
      '',
      '## Scaling with things (Jordan Vaszquez, Exampletech)',
      '',
      'Speakers: Mirela Okonkwo-Baptiste',
      '',
      'Vaszquez and Okonkwo-Baptiste showed zorbanet; Oyelaran wrote this.',
    );
    assert.deepEqual(check(text), []);
  });

  it('raises capitalised, CamelCase and ALL-CAPS words that no dictionary knows as unknown words at most, never as typos', () => {
    const text = lines(PROSE, 'We met Vrannigok from Krustecorp, who showed KubeBlorp and the FLORP API with kubeThingamajig.');
    const found = check(text);
    assert.deepEqual(found.filter((f) => f.code === 'spelling/likely-typo'), []);
    assert.deepEqual(found.filter((f) => f.code === 'spelling/unknown-word').map((f) => f.text).sort(), ['Krustecorp', 'KubeBlorp', 'Vrannigok']);
  });

  it('a capitalised word one edit from a very common word is a typo, not a name', () => {
    assert.deepEqual(warnings(lines(PROSE, 'We met the Perfomance team and Brannigan from the Recieving desk.')), ['spelling/likely-typo Perfomance', 'spelling/likely-typo Recieving']);
  });

  it('knows cloud-native projects, conferences and British spellings', () => {
    const text = lines(
      PROSE,
      'At KubeCon and FOSDEM we heard about etcd, Karpenter, kubelet, eBPF, Kustomize, Cilium, Kyverno, Crossplane, OpenTelemetry and Backstage.',
      'The organisers apologised for the colour of the programme; the behaviour of the catalogue was analysed.',
    );
    assert.deepEqual(check(text), []);
  });

  it('a setting narrows English to one variant: British spellings become typos in en-US', () => {
    const text = lines(PROSE, 'The colour of the slides was great.');
    assert.deepEqual(warnings(text, { spelling: { language: 'en-US', words: [] } }), ['spelling/likely-typo colour']);
    assert.deepEqual(warnings(text, { spelling: { language: 'en-GB', words: [] } }), []);
    assert.deepEqual(warnings(lines(PROSE, 'The color of the slides was great.'), { spelling: { language: 'en-GB', words: [] } }), ['spelling/likely-typo color']);
  });

  it('a word used three times is deliberate; a short unknown word is only unknown', () => {
    const found = check(lines(PROSE, 'We used flurbo. Then flurbo again. And flurbo once more. Also qzx.'));
    assert.deepEqual(found.filter((f) => f.code === 'spelling/likely-typo'), []);
  });

  it('user words, the workspace list and the document comment accept words', () => {
    const text = lines(PROSE, 'We tried Zorbulate and Quuxify and Blorpify.', '<!-- talkdown-words: Blorpify -->');
    const workspace = new MemoryWorkspace({ 'file:///site/.talkdown/words.txt': '# site words\nQuuxify\n' }, ['file:///site']);
    const session = testSession({ workspace, dictionary: real });
    const found = check(text, { spelling: { language: 'en', words: ['Zorbulate'] } }, session);
    assert.deepEqual(found, []);
    workspace.set('file:///site/.talkdown/words.txt', '# site words\n');
    assert.deepEqual(check(text, { spelling: { language: 'en', words: ['Zorbulate'] } }, session).map((f) => f.text), [], 'cached until the list changes');
    session.filesChanged([{ uri: 'file:///site/.talkdown/words.txt', kind: 'changed' }]);
    assert.deepEqual(check(text, { spelling: { language: 'en', words: ['Zorbulate'] } }, session).map((f) => f.text), ['Quuxify']);
  });

  it('talkdown-disable spelling silences a stretch', () => {
    const text = lines(PROSE, '<!-- talkdown-disable spelling -->', 'A performnce of the the band.', '<!-- talkdown-enable spelling -->', 'A performnce.');
    assert.deepEqual(warnings(text), ['spelling/likely-typo performnce']);
  });
});

describe('spelling: repeated words', () => {
  before(() => useDictionary(real));

  it('finds repeats regardless of case, across line breaks and inline markup', () => {
    const text = lines(PROSE, 'The the talk was good, and we saw the', 'the demo. It was in the **the** room, with a *a* slide.');
    assert.deepEqual(warnings(text), ['spelling/repeated-word the', 'spelling/repeated-word the', 'spelling/repeated-word the', 'spelling/repeated-word a']);
  });

  it('allows legitimate repeats and repeats parted by punctuation or blocks', () => {
    const text = lines(PROSE, 'He had had enough. I think that that is right. We went there. There it was.', '', '## the', '', 'the end, the', 'end.');
    assert.deepEqual(warnings(text), []);
  });

  it('raises "is is", which writing allows far less often than it slips in', () => {
    const text = lines(PROSE, 'Its stability is is the reason they picked it.');
    assert.deepEqual(warnings(text), ['spelling/repeated-word is']);
  });

  it('the fix removes the second word and the space before it', () => {
    const text = lines(PROSE, 'We saw the the demo.');
    const [repeat] = check(text).filter((f) => f.code === 'spelling/repeated-word');
    const span = repeat.data!.removeSpan!;
    assert.equal(text.slice(0, span.start) + text.slice(span.end), lines(PROSE, 'We saw the demo.'));
  });
});

describe('spelling: repeated words in compounds and markup', () => {
  before(() => useDictionary(real));

  it('a word repeated as part of a hyphenated compound is not a repeat', () => {
    const text = lines(PROSE, 'We take part in in-person events, one week on on-call, and run built-in in production.');
    assert.deepEqual(warnings(text), []);
  });

  it('the fix keeps the markup whole', () => {
    const fixed = (line: string) => {
      const text = lines(PROSE, line);
      const [repeat] = check(text).filter((f) => f.code === 'spelling/repeated-word');
      const span = repeat.data!.removeSpan!;
      return (text.slice(0, span.start) + text.slice(span.end)).slice(PROSE.length + 1);
    };
    assert.equal(fixed('We saw the *the* talk.'), 'We saw the talk.');
    assert.equal(fixed('We saw **the** the talk.'), 'We saw **the** talk.');
    assert.equal(fixed('We saw the *the talk*.'), 'We saw the *talk*.');
    assert.equal(fixed('We saw the\nthe talk.'), 'We saw the talk.');
  });
});

describe('spelling: other languages', () => {
  before(() => useDictionary(real));

  const polish = lines(
    'Platform engineering to temat, który w tym roku był wszędzie. Oto moje notatki z kilku wystąpień,',
    'które najbardziej mi się podobały. Prelegentka opowiadała o tym, jak jej zespół zbudował wewnętrzną',
    'platformę dla programistów. Najważniejsza lekcja: platforma jest produktem, a programiści są jej klientami.',
    'Trzeba z nimi rozmawiać, mierzyć satysfakcję i regularnie usuwać zbędne kroki w procesie wdrażania.',
  );

  it('honours lang in the front matter with one note', () => {
    const found = check(lines('---', 'title: Notatki', 'lang: pl', '---', '', polish, '', 'A performnce of the the band.'));
    assert.deepEqual(found.map((f) => f.code), ['spelling/other-language']);
  });

  it('a post mostly not in English gets one note, not a finding per word', () => {
    const found = check(lines('---', 'title: Notatki', '---', '', polish));
    assert.deepEqual(found.map((f) => f.code), ['spelling/other-language']);
    assert.match(found[0].message, /Polish/);
  });

  it('a long paragraph in another language is skipped; the English around it is still checked', () => {
    const text = lines(PROSE, PROSE, PROSE, PROSE, '', polish, '', 'Back in English, the performnce was good.');
    const found = check(text);
    assert.deepEqual(found.filter((f) => f.code !== 'spelling/unknown-word').map((f) => `${f.code} ${f.code === 'spelling/other-language' ? '' : f.text}`), [
      'spelling/other-language ',
      'spelling/likely-typo performnce',
    ]);
    assert.deepEqual(found.filter((f) => f.code === 'spelling/unknown-word'), []);
  });

  it('English dense with unknown names is still English: its words are checked one by one', () => {
    const names = 'We tried zorbix, quandlr, flimtarr, brakkit, vexxor, plumbly, snarfle, grindr-ops, tazzle, wobbix, krindle and yammr in the cluster.';
    const post = lines('---', 'title: Tools', '---', '', names, '', names.replace('We tried', 'Then came'), '', 'The performnce was good.');
    const found = check(post);
    assert.ok(!found.some((f) => f.code === 'spelling/other-language'), found.map((f) => f.message).join('\n'));
    assert.ok(found.some((f) => f.code === 'spelling/likely-typo' && f.text === 'performnce'));
  });
});

describe('spelling: suggestions', () => {
  before(() => useDictionary(real));

  for (const [typo, fix] of [
    ['performnce', 'performance'],
    ['dissapointing', 'disappointing'],
    ['trivailly', 'trivially'],
    ['recieve', 'receive'],
    ['isnt', "isn't"],
    ['dont', "don't"],
    ['doesnt', "doesn't"],
    ['Kuberentes', 'Kubernetes'],
  ]) {
    it(`offers "${fix}" first for "${typo}"`, () => {
      const [finding] = check(lines(PROSE, `Really, ${typo} matters.`)).filter((f) => f.code === 'spelling/likely-typo');
      assert.ok(finding, `${typo} is found`);
      assert.equal(finding.data!.suggestions[0], fix);
    });
  }

  it('checks the parts of camelCase words: a known term one edit away first, names stay quiet', () => {
    const found = check(lines(PROSE, 'They run the OpenTelemety Collector and a DataPipline job.', 'WattTime, McDonald, DevOpsDays, iPhone, GitHub and the RBACdoors talk are fine.'));
    const typos = found.filter((f) => f.code === 'spelling/likely-typo');
    assert.deepEqual(typos.map((f) => `${f.text} ${f.data?.suggestions[0]}`), ['OpenTelemety OpenTelemetry', 'DataPipline DataPipeline']);
  });

  it('leaves a contraction without its apostrophe alone when it is a word itself', () => {
    assert.deepEqual(warnings(lines(PROSE, 'We cant ignore the cant of marketing.')), []);
  });

  it('judges a possessive as its bare word: a misspelled name is a typo, a known one is not', () => {
    const found = check(lines(PROSE, "Latency was low for Linekrd's proxy and for Linkerd's control plane, thanks to Kubernetes’ design."));
    const typos = found.filter((f) => f.code === 'spelling/likely-typo');
    assert.deepEqual(typos.map((f) => `${f.text} ${f.data?.suggestions[0]}`), ['Linekrd Linkerd']);
  });

  it('keeps the case of the word it replaces', () => {
    const [finding] = check(lines(PROSE, 'Performnce matters.')).filter((f) => f.code === 'spelling/likely-typo');
    assert.equal(finding.data!.suggestions[0], 'Performance');
  });
});

describe('spelling: small in-memory dictionaries and a broken one', () => {
  it('works with a dictionary built in memory', () => {
    const words = 'the a we saw talk talks was good great performance about and of on to it'.split(' ');
    useDictionary(testDictionary(words, [['teh', ['the']]]));
    const found = check('We saw teh talk about performnce and it was good.');
    assert.deepEqual(found.map((f) => `${f.code} ${f.text} ${f.data?.suggestions[0]}`), ['spelling/likely-typo teh the', 'spelling/likely-typo performnce performance']);
  });

  it('a missing or damaged dictionary gives one clear finding, and repeated words are still found', () => {
    for (const load of [() => readFileSync('/no/such/dictionary.dict', 'utf8'), () => 'talkdown-dictionary 1\n{"words": 3, "sections": {}}\nabc']) {
      useDictionary(load);
      const found = check(lines(PROSE, 'A performnce of the the band.'));
      assert.deepEqual(found.map((f) => f.code), ['spelling/dictionary-unavailable', 'spelling/repeated-word']);
      assert.match(found[0].message, /^Spelling is not checked: the dictionary (?:cannot be read|is damaged) \(.+\)\. Other checks go on\.$/);
    }
  });

  it('with no dictionary configured, spelling stays silent', () => {
    useDictionary(undefined);
    assert.deepEqual(check('A performnce of the the band.'), []);
  });
});
