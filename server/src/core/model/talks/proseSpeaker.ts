import { parseSpeakers } from './speakers';
import type { Speaker } from './types';

// `## Title` with the speaker named in the first lines below it: `Ada Quill gave the opening talk…`.

/** Words that say a talk was given, in a few languages: a closed list of structural vocabulary. */
const TALK_SAID = /(?<![\p{L}])(?:talks?|talked|talking|spoke|speaks?|presented|presents|presentation|keynote|session|vortrag|vortragende|charla|palestra|conf[ée]rence|pr[ée]sent[ée]|prelekcj[aię]|wyk[łl]ad)(?![\p{L}])/iu;
const FIRST_PERSON = /(?<![\p{L}])(?:i|i'm|i’m|i've|me|my|we|our|us)(?![\p{L}])/iu;
/** Two or three capitalised words in a row, possibly with a particle: a candidate name. */
const NAME_RUN = /(?<![\p{L}])\p{Lu}[\p{Ll}'’-]+(?:\s+(?:van|von|de|da|der|di|du|le|la)?\s*\p{Lu}[\p{Ll}'’-]+){1,2}/gu;

/**
 * The speaker named in the first two sentences of a heading's body, when one of those sentences
 * says a talk was given; sentences in the first person (the writer's own doings) do not count.
 */
export function speakerInProse(text: string): Speaker | undefined {
  const sentences = text.replace(/\s+/g, ' ').trim().slice(0, 600).split(/(?<=[.!?])\s+(?=\p{Lu}|\.)/u).slice(0, 2).filter((s) => !FIRST_PERSON.test(s));
  if (!sentences.some((s) => TALK_SAID.test(s))) return undefined;
  for (const sentence of sentences) {
    for (const m of sentence.matchAll(NAME_RUN)) {
      const words = m[0].split(/\s+/);
      // A sentence's first word is capitalised anyway: the name may start after it.
      for (const candidate of [words.slice(0, 2).join(' '), words.slice(1, 3).join(' ')]) {
        if (candidate.split(' ').length < 2) continue;
        const parsed = parseSpeakers(candidate.replace(/['’]s$/, ''));
        if (parsed && parsed.affiliations === 0 && parsed.speakers.length === 1) return parsed.speakers[0];
      }
    }
  }
  return undefined;
}
