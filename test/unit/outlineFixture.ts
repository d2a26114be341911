import { buildModel, DEFAULT_SETTINGS, type DocumentModel } from '../../server/src/core';
import type { DocumentSymbol } from '../../server/src/core/features/documentSymbols';
import { lines, source } from './util';

// The post and helpers the outline features' tests share.

export function modelOf(text: string, uri?: string): DocumentModel {
  return buildModel(source(text, uri), { maxFileSize: DEFAULT_SETTINGS.maxFileSize });
}

export const POST = lines(
  '---', // 0
  'title: "KubeCon recap"',
  'tags: [kubecon]',
  '---',
  '',
  '## Day 1', // 5
  '',
  '### Tracing without tears (Ada Lovelace, Example Corp; Alan Turing, Example Corp)', // 7
  '',
  '[Video Link](https://www.youtube.com/watch?v=AbCdEfGhIjK&t=95)', // 9
  '',
  'Notes on tracing.',
  '',
  '### [Profiles everywhere](https://vimeo.com/123456789) - Grace Hopper', // 13
  '',
  '- one',
  '- two',
  '- three',
  '- four',
  '',
  '## Closing thoughts', // 20
  '',
  'See you next year.',
);

/** name [kind] detail @startLine-endLine, nested by indentation. */
export function outlineOf(symbols: DocumentSymbol[], indent = ''): string[] {
  return symbols.flatMap((s) => [
    `${indent}${s.name} [${s.kind}]${s.detail ? ' ' + s.detail : ''} @${s.range.start.line}-${s.range.end.line}`,
    ...outlineOf(s.children ?? [], indent + '  '),
  ]);
}
