import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentSymbols, type DocumentSymbol } from '../../server/src/core/features/documentSymbols';
import { extractTalks, type Talk } from '../../server/src/core/model/talks';
import { modelOf } from './outlineFixture';
import { lines } from './util';

// Forms recaps write talks in, each with a near miss that is no talk. All names are invented.

const EVENT = 24;

/** The names of the outline's Event symbols, in document order. */
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

function talks(text: string): Talk[] {
  return extractTalks(modelOf(text)).talks;
}

const names = (t: Talk) => t.speakers.map((s) => s.name);

describe('talk forms', () => {
  it('keeps a kind prefix in the name, and reads the role between name and organisation', () => {
    const text = lines(
      '## Morning Keynotes',
      '',
      '### Keynote: Teaching Robots to Garden - Ada Quill, Staff Engineer, Leafware',
      '',
      'Notes.',
      '',
      '### Keynote: Closing Remarks - Bo Tran, Program Chair, Example Foundation',
    );
    assert.deepEqual(events(text), ['Keynote: Teaching Robots to Garden', 'Keynote: Closing Remarks']);
    const [first] = talks(text);
    assert.equal(first.title, 'Teaching Robots to Garden');
    assert.equal(first.prefix, 'Keynote:');
    assert.equal(first.speakers[0].name, 'Ada Quill');
  });

  it('reads a list of `[Name, "Title"](video page)` lines after a lead-in, the one without a link too', () => {
    const text = lines(
      '# Still on my list',
      '',
      'Here are the talks I missed and want to watch later:',
      '',
      '* [Rosa Ilves, "Queues All the Way Down"](https://videos.example.tv/videos/devconf2031-queues-all-the-way-down)',
      '* [Tom Wex and Ina Paulo, "Shipping on Fridays: A Field Guide"](https://videos.example.tv/videos/devconf2031-shipping-on-fridays-a-field-guide)',
      '* Lars Okon, "The Quiet Database"',
    );
    assert.deepEqual(events(text), ['Queues All the Way Down', 'Shipping on Fridays: A Field Guide', 'The Quiet Database']);
    assert.deepEqual(names(talks(text)[1]), ['Tom Wex', 'Ina Paulo']);
  });

  it('leaves lists of links to the author\'s own posts alone', () => {
    const text = lines(
      '# Still on my list',
      '',
      '* [Why my cache fell over](../2029/03/01/why-my-cache-fell-over/)',
      '* [More cache lessons](../2029/04/02/more-cache-lessons/)',
    );
    assert.deepEqual(events(text), []);
  });

  it('reads schedule-page links under a day heading whose parent names sessions', () => {
    const text = lines(
      '## Sessions at the Main Event',
      '',
      '### Day 2 - May 14',
      '',
      '* [Paving Roads for Small Teams](https://exampleconf2031.sched.com/event/1AbC/paving-roads-for-small-teams-mira-holt-acme) - Mira Holt from Acme',
      '* [Panel: Build or Buy Your Platform](https://exampleconf2031.sched.com/event/1AbD/panel-build-or-buy-your-platform)- Jo Park, Independent; Eli Sand from Widgets Ltd',
      '',
      '## Coffee Meetups - Lisbon Edition',
      '',
      'We met for coffee.',
    );
    assert.deepEqual(events(text), ['Paving Roads for Small Teams', 'Panel: Build or Buy Your Platform']);
    const [first, panel] = talks(text);
    assert.deepEqual(names(first), ['Mira Holt']);
    assert.equal(first.speakers[0].affiliation, 'Acme');
    assert.deepEqual(names(panel), ['Jo Park', 'Eli Sand']);
  });

  it('leaves a day heading of venue links alone', () => {
    const text = lines(
      '### Day 2 - May 14',
      '',
      '* [Venue map](https://exampleconf2031.org/venue)',
      '* [Wi-Fi details](https://exampleconf2031.org/wifi)',
    );
    assert.deepEqual(events(text), []);
  });

  it('reads link-only paragraphs naming talks in a post without headings', () => {
    const text = lines(
      'I watched the recordings.',
      '',
      '[Salt and Pepper Concurrency - Nadia Ferro](https://confvideos.example.com/videos/101-rubyish2030-salt-and-pepper-concurrency)',
      '',
      'A brisk tour of actors and channels.',
      '',
      '[Boring Deploys - Pim Vos, Ali Demir](https://confvideos.example.com/videos/102-rubyish2030-boring-deploys)',
      '',
      'Why dull is good.',
    );
    assert.deepEqual(events(text), ['Salt and Pepper Concurrency', 'Boring Deploys']);
    const [first, second] = talks(text);
    assert.deepEqual(names(second), ['Pim Vos', 'Ali Demir']);
    assert.match(text.slice(first.span.start, first.span.end), /actors and channels\.$/);
  });

  it('leaves a lone link paragraph alone', () => {
    assert.deepEqual(events(lines('Some notes.', '', '[my slides folder](https://files.example.com/me)', '', 'More notes.')), []);
  });

  it('reads a speaker label repeated under sibling headings, in any language, as a field', () => {
    const text = lines(
      '#### **Redes de Passes em Tempo Real**',
      '',
      '**Oradora:** [Lia Campos](https://twitter.com/liacampos_x), analista na Exemplo FC.',
      '',
      'Texto.',
      '',
      '#### **Modelos de Pressão Sem Bola**',
      '',
      '**Oradora**: Rita Sousa, investigadora.',
      '',
      'Texto.',
      '',
      '#### **Minhas notas finais**',
      '',
      'Texto sem oradora.',
    );
    assert.deepEqual(events(text), ['Redes de Passes em Tempo Real', 'Modelos de Pressão Sem Bola']);
    assert.deepEqual(talks(text).map(names), [['Lia Campos'], ['Rita Sousa']]);
  });

  it('does not make a label used under one heading a field, nor the label line a talk', () => {
    const text = lines(
      '#### **Minhas notas finais**',
      '',
      '**Oradora:** Rita Sousa, investigadora.',
      '',
      'Texto.',
      '',
      '#### **Comida e viagem**',
      '',
      'Texto.',
    );
    assert.deepEqual(events(text), []);
  });

  it('reads bold-title items with linked speakers joined by another language\'s "and"', () => {
    const text = lines(
      '#### **Outras palestras:**',
      '',
      '-   **Defender em Bloco Baixo** – [Davi Prado](https://twitter.com/daviprado_x) e [Ana Reis](https://twitter.com/anareis_x)',
      '-   **Dados de Tracking para Iniciantes** – Caio Luz',
    );
    assert.deepEqual(events(text), ['Defender em Bloco Baixo', 'Dados de Tracking para Iniciantes']);
    assert.deepEqual(names(talks(text)[0]), ['Davi Prado', 'Ana Reis']);
  });

  it('leaves a prose item with a video link in mid-sentence alone', () => {
    const text = lines(
      '#### Jogadas',
      '',
      '- O meia cria espaço com passes curtos, como mostra [este vídeo](https://www.youtube.com/watch?v=AAAAAAAAAAA), e isso muda o jogo inteiro para o time da casa.',
      '- Outra frase longa sobre o jogo, sem nenhum link, que fala do campo, da torcida e do tempo.',
    );
    assert.deepEqual(events(text), []);
  });

  it('reads Title Case leads of items that describe a talk, not questions', () => {
    const text = lines(
      'What I liked most:',
      '',
      '* Keyless Server Access at Scale - the talk showed how short-lived certificates replace keys.',
      '* Counting Queries Without Slowing Down. This talk was given by an online retailer.',
      '',
      '1. How do you drain traffic during a rollout?',
      '2. What happens when a node flaps?',
    );
    assert.deepEqual(events(text), ['Keyless Server Access at Scale', 'Counting Queries Without Slowing Down']);
  });

  it('reads title headings under a heading naming workshops, not the first-person question', () => {
    const body = lines(
      '### Building a Rain Sensor with Serverless Functions.',
      '',
      'Text.',
      '',
      '### Composing Queues for Tiny Devices',
      '',
      'Text.',
      '',
      '### Why I keep coming back?',
      '',
      'Text.',
    );
    assert.deepEqual(events(lines('## Favourite Workshops', '', body)), [
      'Building a Rain Sensor with Serverless Functions.',
      'Composing Queues for Tiny Devices',
    ]);
    assert.deepEqual(events(lines('## Around the City', '', body)), []);
  });

  it('reads a time slot and a `by` tail, and keeps the lists under the talk as its notes', () => {
    const text = lines(
      '## Meetup 2031',
      '',
      'Doors at six.',
      '',
      '## 18:05 Pipelines in Plain YAML by Jonna Vik',
      '',
      '* [Jonna Vik (@jonnavik_x) | Twitter](https://twitter.com/jonnavik_x)',
      '* Slides: [Pipelines in Plain YAML](https://docs.google.com/presentation/d/EXAMPLE/edit)',
      '',
      '### Caveats',
      '',
      'Some.',
    );
    assert.deepEqual(events(text), ['Pipelines in Plain YAML']);
    const [talk] = talks(text);
    assert.equal(talk.slot, '18:05');
    assert.deepEqual(names(talk), ['Jonna Vik']);
    assert.equal(talk.slides?.url, 'https://docs.google.com/presentation/d/EXAMPLE/edit');
  });

  it('reads a two-word prefix with a dash glued to the name, among talk siblings', () => {
    const text = lines(
      '## Key Note - Objects Are Cheap Until They Are Not -Mara Lind',
      '',
      '## Testing the Untestable - Eva Rhee',
      '',
      '## Around the Harbour',
      '',
      'We walked.',
    );
    assert.deepEqual(events(text), ['Key Note - Objects Are Cheap Until They Are Not', 'Testing the Untestable']);
    assert.deepEqual(names(talks(text)[0]), ['Mara Lind']);
  });

  it('reads a comma before the speaker among dash siblings, not a lone place name', () => {
    const text = lines(
      '## Cartography for Testers - Uma Krall',
      '## The Tester at the Door, Oren Basu',
      '## Dashboards That Lie - Wen Holm',
    );
    assert.deepEqual(events(text), ['Cartography for Testers', 'The Tester at the Door', 'Dashboards That Lie']);
    assert.deepEqual(events(lines('## Getting There, Lisbon Airport', '', 'Text.', '', '## Food', '', 'Text.')), []);
  });

  it('reads names then a quoted title, with or without a link', () => {
    const text = lines(
      '# [Kai Moreno, "Rails at the Edge"](https://videos.example.tv/videos/x-rails-at-the-edge)',
      '',
      '# Lena Dorr and Sam Ito, "Refactoring Without Fear"',
      '',
      '# The Scholarship Program',
      '',
      'Text.',
    );
    const found = events(text);
    assert.equal(found.length, 2);
    assert.equal(found[1], 'Refactoring Without Fear');
    assert.deepEqual(names(talks(text)[1]), ['Lena Dorr', 'Sam Ito']);
  });

  it('reads the speaker-first form and a closing keynote by a speaker', () => {
    const text = lines(
      '### Pia Lorne - Caching for the Impatient',
      '',
      '### Closing keynote: Leaving Things Better by Ravi Osei',
      '',
      '### Lunch and Coffee',
      '',
      'Good.',
    );
    assert.deepEqual(events(text), ['Caching for the Impatient', 'Closing keynote: Leaving Things Better']);
    assert.deepEqual(talks(text).map(names), [['Pia Lorne'], ['Ravi Osei']]);
  });

  it('reads numbered lists of talks, and not numbered lists of sponsors', () => {
    const text = lines(
      '## Day two',
      '',
      '1. [Streams Without Tears](https://www.youtube.com/watch?v=BBBBBBBBBBB) - Dana Kell',
      '2. [Quiet Queues](https://www.youtube.com/watch?v=CCCCCCCCCCC) - Omar Fitz',
      '',
      '## Sponsors',
      '',
      '1. [Acme Widgets](https://acme.example.com)',
      '2. [Example Cloud](https://cloud.example.com)',
    );
    assert.deepEqual(events(text), ['Streams Without Tears', 'Quiet Queues']);
  });
});

describe('talk forms: schedule tables', () => {
  it('reads rows with a title and a speaker, not breaks', () => {
    const text = lines(
      '## Day one',
      '',
      '| Time  | Talk                   | Speaker   |',
      '|-------|------------------------|-----------|',
      '| 09:00 | Opening the Floodgates | Ivo Marsh |',
      '| 09:40 | Coffee                 |           |',
      '| 10:00 | Keynote: Small Kernels | Una Pell  |',
    );
    assert.deepEqual(events(text), ['Opening the Floodgates', 'Keynote: Small Kernels']);
    assert.deepEqual(names(talks(text)[0]), ['Ivo Marsh']);
  });

  it('leaves a table of prices alone', () => {
    const text = lines('| Item | Price |', '|------|-------|', '| Ticket | 300 |', '| Hotel | 120 |');
    assert.deepEqual(events(text), []);
  });
});

describe('talk forms in other languages', () => {
  it('reads `Titel von Name` among talk siblings, and a Polish schedule table', () => {
    assert.deepEqual(events(lines('## Kleine Dienste, große Wirkung von Jana Kurz', '', 'Text.', '', '## Daten ohne Angst - Timo Brandt', '', 'Text.')), [
      'Kleine Dienste, große Wirkung',
      'Daten ohne Angst',
    ]);
    const table = lines('| Godzina | Temat | Prelegent |', '|---|---|---|', '| 10:00 | Kolejki bez bólu | Ola Nowak |', '| 11:00 | Przerwa kawowa | |');
    assert.deepEqual(events(table), ['Kolejki bez bólu']);
  });
});
