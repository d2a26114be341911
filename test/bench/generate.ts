/**
 * Deterministic recap-shaped posts of any size, for benchmarks: day sections, talks in the
 * common heading styles, links, images, footnotes and a little code.
 */
const SPEAKERS = ['Jordan Doe', 'Sam Rivera', 'Priya Natarajan', 'Alex Kim', 'Morgan Lee', 'Casey Novak'];
const COMPANIES = ['Example Corp', 'Acme Cloud', 'Example Foundation', 'Initech'];
const TOPICS = ['Karpenter', 'Cilium', 'eBPF', 'etcd', 'OpenTelemetry', 'Kustomize', 'kubelet', 'Gateway API'];

function videoId(n: number): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  let id = '';
  for (let i = 0; i < 11; i++) id += chars[(n * 7919 + i * 104729) % chars.length];
  return id;
}

function talk(n: number): string {
  const speaker = SPEAKERS[n % SPEAKERS.length];
  const company = COMPANIES[n % COMPANIES.length];
  const topic = TOPICS[n % TOPICS.length];
  const style = n % 3;
  const heading =
    style === 0
      ? `### [${topic} in production, part ${n}](https://www.youtube.com/watch?v=${videoId(n)})`
      : style === 1
        ? `### ${topic} at scale (${speaker}, ${company})\n\n[Video Link](https://youtu.be/${videoId(n)}) · [Slides](https://speakerdeck.com/example/talk-${n})`
        : `### TALK: ${topic}, the hard parts - ${speaker}`;
  return [
    heading,
    '',
    `${speaker} walked through how ${company} runs **${topic}** across many clusters, and what broke on the way.`,
    `The main lesson: measure first, then tune. See the [project docs](https://example.dev/${topic.toLowerCase()}/docs) and the`,
    `[earlier post](/2024/01/15/notes-${n % 10}/) for context.[^n${n % 20}] A few notes from the talk:`,
    '',
    `- start with \`${topic.toLowerCase()} --dry-run\` and read the output`,
    '- keep the defaults until a graph tells you otherwise',
    `- budget time for upgrades; ${topic} moves fast`,
    '',
    n % 5 === 0 ? `![Slide ${n}](/assets/images/slide-${n}.png)\n` : '',
  ].join('\n');
}

export function generatePost(targetChars: number): string {
  const parts = ['---', 'layout: post', 'title: "A generated recap"', 'date: 2024-11-15', 'tags: [kubecon, bench]', '---', '', 'Intro paragraph.', ''];
  let size = parts.join('\n').length;
  let n = 0;
  while (size < targetChars) {
    const chunk = (n % 12 === 0 ? `## Day ${n / 12 + 1}\n\n` : '') + talk(n);
    parts.push(chunk);
    size += chunk.length + 1;
    n++;
  }
  parts.push('## Notes', '', ...Array.from({ length: 20 }, (_, i) => `[^n${i}]: Footnote ${i}.`), '');
  return parts.join('\n');
}
