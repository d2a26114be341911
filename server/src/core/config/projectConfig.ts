import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Span } from '../text';
import schema from './config.schema.json';
import { PRECOMPILED } from '../frontMatter/precompiled';

/** The project's configuration file, beside the site's word list. */
export const CONFIG_FILE = '.talkdown/config.jsonc';

export interface ConfigProblem {
  code: 'config/syntax' | 'config/invalid';
  span: Span;
  message: string;
}

/** A configuration file as read: the settings it holds (invalid entries dropped) and its problems. */
export interface ProjectConfig {
  uri: string;
  text: string;
  settings: Record<string, unknown>;
  problems: ConfigProblem[];
}

export const CONFIG_AJV_OPTIONS: Options = { allErrors: true, strict: false };

/** The configuration schema's validator (compiled at build time in a bundle); a session keeps one. */
export function configValidator(): ValidateFunction {
  return PRECOMPILED.config ?? new Ajv(CONFIG_AJV_OPTIONS).compile(schema);
}

/** A file of no more than this many characters is read; a larger one is a mistake. */
const MAX_CONFIG_CHARS = 1_000_000;

/**
 * Reads `.talkdown/config.jsonc`: JSON with comments and trailing commas. A syntax error makes
 * the whole file count for nothing (one problem where it is); a value the schema rejects is
 * dropped, with a problem at its key, and the rest applies.
 */
export function readProjectConfig(uri: string, text: string, validate: ValidateFunction): ProjectConfig {
  if (text.length > MAX_CONFIG_CHARS) {
    return { uri, text: '', settings: {}, problems: [{ code: 'config/syntax', span: { start: 0, end: 0 }, message: `This configuration file has ${text.length} characters; Talkdown reads files of up to ${MAX_CONFIG_CHARS}, so it uses the defaults.` }] };
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const error = errors[0];
    const span = error ? { start: error.offset, end: error.offset + Math.max(error.length, 1) } : { start: 0, end: 0 };
    const what = error ? describeParseError(printParseErrorCode(error.error)) : 'it is empty';
    return { uri, text, settings: {}, problems: [{ code: 'config/syntax', span, message: `This configuration file cannot be read: ${what}. Talkdown uses the defaults until it is fixed.` }] };
  }
  if (tree.type !== 'object') {
    return { uri, text, settings: {}, problems: [{ code: 'config/invalid', span: spanOf(tree), message: 'The configuration must be an object of settings, as in { "rules": { "spelling": "warning" } }. Talkdown uses the defaults.' }] };
  }
  const settings = valueOf(tree) as Record<string, unknown>;
  const problems: ConfigProblem[] = [];
  if (!validate(settings)) {
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      const path = pathOf(error);
      const key = path.join('\u0000');
      if (seen.has(key)) continue;
      seen.add(key);
      const node = nodeAt(tree, path, error);
      problems.push({ code: 'config/invalid', span: node ? spanOf(node) : { start: 0, end: 0 }, message: describe(error, path) });
      drop(settings, path);
    }
  }
  problems.sort((a, b) => a.span.start - b.span.start);
  return { uri, text, settings, problems };
}

function describeParseError(code: string): string {
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words === 'value expected' ? 'a value is missing here' : words === 'comma expected' ? 'a comma is missing here' : words === 'property name expected' ? 'a key is missing here' : words;
}

/** The setting's path: the key the error is about (an unknown key names itself). */
function pathOf(error: ErrorObject): string[] {
  const path = error.instancePath.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') path.push(String((error.params as { additionalProperty: string }).additionalProperty));
  return path;
}

function nodeAt(tree: Node, path: string[], error: ErrorObject): Node | undefined {
  const node = findNodeAtLocation(tree, path);
  // An unknown key is marked on the key itself; a wrong value on the value.
  if (node && error.keyword === 'additionalProperties') return node.parent?.children?.[0] ?? node;
  return node;
}

function describe(error: ErrorObject, path: string[]): string {
  const name = path.join('.') || '(the file)';
  switch (error.keyword) {
    case 'additionalProperties':
      return `Talkdown has no setting "${name}"; it is ignored. See the settings in the README (the keys of the talkdown.* settings, without the prefix).`;
    case 'enum':
      return `"${name}" must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}; the default applies.`;
    case 'type':
      return `"${name}" must be ${article(String((error.params as { type: string }).type))}; the default applies.`;
    default:
      return `"${name}" ${error.message ?? 'is invalid'}; the default applies.`;
  }
}

function article(type: string): string {
  const names = type.split(',').map((t) => (t === 'array' ? 'a list' : t === 'object' ? 'an object' : t === 'null' ? 'null' : `a ${t}`));
  return names.join(' or ');
}

function spanOf(node: Node): Span {
  return { start: node.offset, end: node.offset + node.length };
}

function valueOf(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (key && value) out[String(key.value)] = valueOf(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(valueOf);
    default:
      return node.value;
  }
}

function drop(settings: Record<string, unknown>, path: string[]): void {
  let node: unknown = settings;
  for (const part of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string, unknown>)[part];
  }
  // A list item becomes a hole that settings resolution skips, so later indexes stay right.
  if (typeof node === 'object' && node !== null && path.length > 0) {
    if (Array.isArray(node)) node[Number(path[path.length - 1])] = undefined;
    else delete (node as Record<string, unknown>)[path[path.length - 1]];
  }
}

/** Later layers win, key by key; lists and values are replaced, objects merged. */
export function mergeSettings(...layers: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const layer of layers) {
    if (typeof layer !== 'object' || layer === null || Array.isArray(layer)) continue;
    for (const [key, value] of Object.entries(layer)) {
      const before = out[key];
      out[key] =
        typeof value === 'object' && value !== null && !Array.isArray(value) && typeof before === 'object' && before !== null && !Array.isArray(before)
          ? mergeSettings(before, value)
          : value;
    }
  }
  return out;
}
