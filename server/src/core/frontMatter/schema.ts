import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { SiteGeneratorName } from '../site/generator';
import astro from '../site/schemas/astro.json';
import eleventy from '../site/schemas/eleventy.json';
import generic from '../site/schemas/generic.json';
import hexo from '../site/schemas/hexo.json';
import hugo from '../site/schemas/hugo.json';
import jekyll from '../site/schemas/jekyll.json';
import zola from '../site/schemas/zola.json';
import { DATE_FORMATS } from './dates';

/** The subset of JSON Schema that completion, hover and fixes read. */
export interface SchemaNode {
  type?: string | string[];
  description?: string;
  markdownDescription?: string;
  format?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  required?: string[];
  items?: SchemaNode;
  minLength?: number;
}

export const BUILT_IN_SCHEMAS: Record<SiteGeneratorName, SchemaNode> = { jekyll, hugo, zola, eleventy, astro, hexo, generic } as Record<SiteGeneratorName, SchemaNode>;

let ajv: Ajv | undefined;

/**
 * One validator for all schemas: every error is collected (a post has several at once) and
 * errors carry their schema, whose `format` tells a date from another string. Unknown
 * keywords are allowed, since user schemas carry editor annotations.
 */
function validator(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, verbose: true, strict: false, validateSchema: true, addUsedSchema: false });
    for (const [name, check] of Object.entries(DATE_FORMATS)) ajv.addFormat(name, { type: 'string', validate: check });
    // Formats a user schema may use, read as generators read dates.
    ajv.addFormat('date', { type: 'string', validate: DATE_FORMATS['zola-date'] });
    ajv.addFormat('date-time', { type: 'string', validate: DATE_FORMATS['loose-date'] });
  }
  return ajv;
}

const compiled = new WeakMap<object, ValidateFunction>();

export function compile(schema: SchemaNode): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = validator().compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

export type SchemaLoad = { schema: SchemaNode; error?: undefined } | { schema?: undefined; error: string };

const userSchemas = new Map<string, SchemaLoad>();

/** Parses and compiles a user's schema, remembering the result for the same text. */
export function loadUserSchema(text: string | undefined): SchemaLoad {
  if (text === undefined) return { error: 'the file does not exist or cannot be read' };
  const known = userSchemas.get(text);
  if (known) return known;
  let result: SchemaLoad;
  try {
    const schema = JSON.parse(text) as unknown;
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
      result = { error: 'it is not a JSON object' };
    } else {
      compile(schema as SchemaNode);
      result = { schema: schema as SchemaNode };
    }
  } catch (error) {
    result = { error: (error as Error).message.replace(/\.$/, '') };
  }
  if (userSchemas.size > 20) userSchemas.clear();
  userSchemas.set(text, result);
  return result;
}

export type SchemaError = ErrorObject;

export function validate(schema: SchemaNode, data: unknown): SchemaError[] {
  const run = compile(schema);
  return run(data) ? [] : [...(run.errors ?? [])];
}

/** `/taxonomies/tags/0` → `['taxonomies', 'tags', 0]`. */
export function pathOf(instancePath: string, data: unknown): (string | number)[] {
  if (instancePath === '') return [];
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const key = Array.isArray(node) && /^\d+$/.test(part) ? Number(part) : part;
    path.push(key);
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return path;
}

/** The schema of the property at `path`, walking `properties`, `additionalProperties` and `items`. */
export function schemaAt(schema: SchemaNode, path: readonly (string | number)[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema;
  for (const part of path) {
    if (!node) return undefined;
    if (typeof part === 'number') node = node.items;
    else node = node.properties?.[part] ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
  }
  return node;
}
