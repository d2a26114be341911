import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentSymbols, type DocumentSymbol } from '../../server/src/core/features/documentSymbols';
import { extractTalks } from '../../server/src/core/model/talks';
import { modelOf } from './outlineFixture';
import { lines } from './util';

// More ways recaps write talks, each next to sections of the same shape that are no talks.
// Every name, title and URL here is invented.

const EVENT = 24;

function events(text: string): string[] {
  const out: string[] = [];
  const walk = (symbols: DocumentSymbol[]) => {
    for (const s of symbols) {
      if (s.kind === EVENT) out.push(s.name);
      walk(s.children ?? []);
    }
  };
  walk(documentSymbols(modelOf(text)));
  return out;
}

const speakersOf = (text: string, title: string) => extractTalks(modelOf(text)).talks.find((t) => t.title === title)?.speakers.map((s) => s.name);

describe('talk styles', () => {
  it('reads a bracketed kind and a rating in symbols, and keeps the link list under the heading as its links', () => {
    const text = lines(
      '# Picks of the week:',
      '',
      '### [Keynote] Gardens of Types - Ada Quill - 💀★★★:',
      '',
      '- Slides: [link](https://example.org/slides/gardens.pdf)',
      '- Video: [link](https://youtu.be/AbCdEfGhIjK)',
      '',
      '### [Talk] Tidy Pointers for Busy People - Bo Tran - 💀💀 ★:',
      '',
      '- Slides: [coming soon]()',
      '',
      'Notes.',
    );
    assert.deepEqual(events(text), ['[Keynote] Gardens of Types', 'Tidy Pointers for Busy People']);
    assert.deepEqual(speakersOf(text, 'Gardens of Types'), ['Ada Quill']);
  });

  it('reads `Title by Name.` and `Title - by Name` items, but not a closing `And many more...`', () => {
    const text = lines(
      'My favourite talks of the year:',
      '',
      '* The Patient Compiler by Cleo Marsh. A calm look at build times, and',
      '  why they matter.',
      '* Is Rust Faster Than Thought? by Dev Anand. Fun.',
      '',
      '### [Other]:',
      '',
      '- Secrets, Caches, and Sandboxes - by Eli Stone',
      '- Notes on Initialising Things - by Fay Lin',
      '- And many more...',
    );
    assert.deepEqual(events(text), ['The Patient Compiler', 'Is Rust Faster Than Thought?', 'Secrets, Caches, and Sandboxes', 'Notes on Initialising Things']);
  });

  it('reads bold-title items with a speaker line under a heading named for talks, and leaves labels alone', () => {
    const text = lines(
      '## Main themes',
      '',
      '1. **Graphics cards**: everyone used them.',
      '2. **Data frames**: still popular.',
      '',
      '## Talks I liked',
      '',
      '- **Parallel Queues Without Tears**  ',
      '  Speaker: Gil Moss (Example Labs)',
      '  Takeaways:',
      '  - queues are fine',
      '',
      '- **One Template to Rule Them All**',
      '  Speaker: Hana Ruiz',
      '',
      '## Talks I missed',
      '',
      '- **Sparse Data Is Not Dense**',
      '- **Profiles From Noise**',
    );
    assert.deepEqual(events(text), ['Parallel Queues Without Tears', 'One Template to Rule Them All', 'Sparse Data Is Not Dense', 'Profiles From Noise']);
    assert.deepEqual(speakersOf(text, 'One Template to Rule Them All'), ['Hana Ruiz']);
  });

  it('keeps a track heading whose body opens with a list as a group of the talks in it', () => {
    const text = lines(
      '## Talks, talks, talks',
      '',
      '#### Main Track',
      '',
      '**Here are the ones I liked:**',
      '- **Lessons From Old Locks** [[talk]](https://www.youtube.com/watch?v=AbCdEfGhIjK)',
      '',
      '#### Hardware Village',
      '',
      '- There was a cool [talk](https://example.org/fan) about a fan, involving:',
      '  - sniffing packets',
    );
    assert.deepEqual(events(text), ['Lessons From Old Locks']);
  });

  it('reads `## Title` headings whose first lines name who gave the talk, but not a party or a day', () => {
    const text = lines(
      '## Computers Are Weather',
      '',
      'Ivo Petrov gave the funniest talk of the day about clouds.',
      '',
      '## Metrics 3.0',
      '',
      'This was an odd, yet useful talk about labels. Jun Sato wants people to name things.',
      '',
      '## Our Hardest Problem',
      '',
      '...A talk about hiring. Kim Lee talked about who gets left out.',
      '',
      '## Day 2',
      '',
      'Lena Ortiz gave the opening keynote.',
      '',
      '## After party',
      '',
      'The party was loud, so it was hard to talk. I talked a lot to the Blue Otter crew.',
    );
    assert.deepEqual(events(text), ['Computers Are Weather', 'Metrics 3.0', 'Our Hardest Problem']);
    assert.deepEqual(speakersOf(text, 'Metrics 3.0'), ['Jun Sato']);
  });

  it('reads surnames in capitals, a question title before the name, and `Title - Name (Org)` over a link bar', () => {
    const text = lines(
      '## Mardi - premier jour',
      '',
      '### Parlez de vos erreurs - Julie MARCEAU',
      '',
      'Texte.',
      '',
      '### Peut-on tout savoir ? Paul RENARD',
      '',
      'Texte.',
      '',
      '### Faster Pages for Everyone - *Rosa Klein (Example Corp)*',
      '',
      '#### [Description](https://example.org/schedule/detail/1) | [Video (20m)](https://www.youtube.com/watch?v=AbCdEfGhIjK) | Rating: ★★★★★',
      '',
      "Rosa's keynote was a summary of Human Factors Research.",
      '',
      '### Unlearning - The Art of Change, Sam Ode',
      '',
      'Texte.',
    );
    assert.deepEqual(events(text), ['Parlez de vos erreurs', 'Peut-on tout savoir ?', 'Faster Pages for Everyone', 'Unlearning - The Art of Change']);
    assert.deepEqual(speakersOf(text, 'Parlez de vos erreurs'), ['Julie MARCEAU']);
    assert.deepEqual(extractTalks(modelOf(text)).talks.find((t) => t.title === 'Faster Pages for Everyone')?.speakers, [{ name: 'Rosa Klein', affiliation: 'Example Corp' }]);
  });

  it('reads sibling headings that share a track in parentheses, and short lines with a track in a list named for talks', () => {
    const text = lines(
      '# Moja ścieżka',
      '',
      '##### quick.js (Room Blue)',
      '',
      'Opis.',
      '',
      '##### Evolving Things (Room Green)',
      '',
      'Opis.',
      '',
      '##### Nasze serwisy - prawda (Room Blue)',
      '',
      'Opis.',
      '',
      '## Reszta prelekcji',
      '',
      '* Porty i adaptery (Room Green)',
      '* Kolejki (Backend)',
      '',
      '## Top talks',
      '',
      'My favourite topics are:',
      '',
      '* Algorithms',
      '* Functional programming',
      '',
      '## Days',
      '',
      '### Day 1 (Monday)',
      '',
      'Text.',
      '',
      '### Day 2 (Tuesday)',
      '',
      'Text.',
      '',
      '### Day 3 (Wednesday)',
      '',
      'Text.',
    );
    assert.deepEqual(events(text), ['quick.js', 'Evolving Things', 'Nasze serwisy - prawda', 'Porty i adaptery', 'Kolejki']);
  });

  it('reads emphasised titles in quotation marks in a list named for talks, several in one item', () => {
    const text = lines(
      '###### Prezentacje warte uwagi:',
      '',
      '* [Ola Nowak](https://twitter.com/olanowak) ze swoją prelekcją "*Funkcje w praktyce*", świetna.',
      '* Słyszałem dobre opinie o "*Data i czas*" (Jan Kot) oraz',
      '"*Agile&Architektura*" (Ewa Lis). Muszę je zobaczyć, bo są "polecane".',
    );
    assert.deepEqual(events(text), ['Funkcje w praktyce', 'Data i czas', 'Agile&Architektura']);
  });

  it('reads `[Title](page) (Name): description` items, author columns, `Name - ["Title"](url)` headings and two talk links in one item', () => {
    const text = lines(
      '## Day 1',
      '',
      '- [Painting the First Frame](https://conf.example.org/speakers/ana-reis.html#talk) (Ana',
      'Reis): Ana talked about measuring what people see first, and about a lot more after that.',
      '',
      '## The talks',
      '',
      '|Title | Author(s) | Why I watched|',
      '|:-----|:----------|:-------------|',
      '|The Dark Side of Caches|Bea Holm|Good fun [(Link)](https://www.youtube.com/watch?v=AbCdEfGhIjK)|',
      '|Mastery Takes Time|Cal Ives|Worth it|',
      '',
      '# The talks I went to',
      '',
      '### Dana Fox - ["Practical Builds"](https://conf.example.org/event/Ab12/practical-builds){:target="_blank"}',
      '',
      'Notes.',
      '',
      '# Highlights',
      '',
      '+ [Qt with Rust](https://fosdem.example.org/2018/schedule/event/qt_rust/) and [Audio & Rust](https://fosdem.example.org/2018/schedule/event/audio_rust/) because both were good.',
      '+ [Tiny Devices](https://fosdem.example.org/2018/schedule/event/tiny/): small binaries.',
    );
    assert.deepEqual(events(text), ['Painting the First Frame', 'The Dark Side of Caches', 'Mastery Takes Time', 'Practical Builds', 'Qt with Rust', 'Audio & Rust', 'Tiny Devices']);
    assert.deepEqual(speakersOf(text, 'Painting the First Frame'), ['Ana Reis']);
    assert.deepEqual(speakersOf(text, 'Practical Builds'), ['Dana Fox']);
  });

  it('reads the author’s own talks under a heading naming talks when their notes link the recording, but not a question', () => {
    const text = lines(
      '# My talks',
      '',
      '## A free, distributed way to call your friends.',
      '',
      'A talk about where we are. The video is [here](https://mirror.example.org/2018/ring.webm).',
      '',
      '## Tables: make your project distributed',
      '',
      'A talk about tables. The video will be [here](https://conf.example.org/2018/schedule/event/tables/).',
      '',
      '## Why I like to attend in person?',
      '',
      'The sessions are [on YouTube](https://www.youtube.com/playlist?list=PL123456) anyway.',
    );
    assert.deepEqual(events(text), ['A free, distributed way to call your friends.', 'Tables: make your project distributed']);
  });

  it('makes a list of video links under a talk its child talks, but not a list of two or of pages', () => {
    const text = lines(
      '### [Clean Code Under Water](https://youtu.be/AbCdEfGhIjK)',
      '',
      'Notes. I bookmarked these:',
      '',
      '- [Databases From Scratch](https://youtu.be/BbCdEfGhIjK)',
      '- [Trust Nothing](https://youtu.be/CbCdEfGhIjK)',
      '- [Search Bars in Practice](https://youtu.be/DbCdEfGhIjK)',
      '',
      'Tools I used:',
      '',
      '- [Sonar](https://example.org/sonar)',
      '- [Lint](https://example.org/lint)',
      '- [Docs](https://example.org/docs)',
    );
    assert.deepEqual(events(text), ['Clean Code Under Water', 'Databases From Scratch', 'Trust Nothing', 'Search Bars in Practice']);
    assert.equal(extractTalks(modelOf(text)).talks[0].children.length, 3);
  });

  it('reads a line under a heading that only names people, but not a dated byline or a bold label', () => {
    const text = lines(
      '# Notes From a Conference',
      '',
      '*By Uma Vance, 21st June 2025*',
      '',
      '## Day 1',
      '',
      '### Gardens of Types',
      '',
      '*Ada Quill, Example Corp*',
      '',
      'Notes.',
      '',
      '### Tidy Things',
      '',
      'by Bo Tran',
      '',
      'Notes.',
      '',
      '### Wrap-up',
      '',
      '**Final Thoughts**',
      '',
      'It was good.',
    );
    assert.deepEqual(events(text), ['Gardens of Types', 'Tidy Things']);
    assert.deepEqual(extractTalks(modelOf(text)).talks[0].speakers, [{ name: 'Ada Quill', affiliation: 'Example Corp' }]);
  });

  it('reads a heading whose notes link a schedule page named after it, but not a blog post named after it', () => {
    const text = lines(
      '## Failure Stories and Crashed Clusters',
      '',
      'Who does not like a story? Go to [the session](https://conf.example.org/event/Ab1/failure-stories-and-crashed-clusters-ana-reis) to learn.',
      '',
      '## Delivery Group at the Conference',
      '',
      'Read more in our [earlier post](https://group.example.org/blog/delivery-group-at-the-conference-2024/).',
    );
    assert.deepEqual(events(text), ['Failure Stories and Crashed Clusters']);
  });

  it('reads items led by a bold speaker name, named by a quoted title after it, but not bold labels', () => {
    const text = lines(
      '### Und der Rest',
      '',
      '- **[Eva Stern](https://eva.example.org/)** hat wieder über *Skizzen* gesprochen.',
      '- **Jonas Weber** über "Ruhiges Design" war anders als gedacht.',
      '- Angeblich hat jemand zu **Uwe Brand** etwas gesagt.',
      '- **Mia Sommer**. Gründerin von *Beispiel Skates*.',
      '',
      '### Kopf',
      '',
      '- **Meta**: alles für den Browser',
      '- **Title**: der Seitentitel',
    );
    assert.deepEqual(events(text), ['Eva Stern', 'Ruhiges Design', 'Mia Sommer']);
    assert.deepEqual(speakersOf(text, 'Ruhiges Design'), ['Jonas Weber']);
  });

  it('keeps an element named in capitals in a title', () => {
    const text = lines('## Talks', '', '#### Ada Quill - Get Your <HEAD> in Order', '', 'Notes.', '', '#### Bo Tran - Semantics and how to get them right', '', 'Notes.');
    assert.deepEqual(events(text), ['Get Your <HEAD> in Order', 'Semantics and how to get them right']);
  });
});
