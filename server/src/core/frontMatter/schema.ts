import { isMarkdownFile } from '../files';
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import type { Session } from '../session/session';
import { SessionKey } from '../session/state';
import type { Settings } from '../settings';
import type { Site, SiteGeneratorName } from '../site/generator';
import astro from '../site/schemas/astro.json';
import eleventy from '../site/schemas/eleventy.json';
import generic from '../site/schemas/generic.json';
import hexo from '../site/schemas/hexo.json';
import hugo from '../site/schemas/hugo.json';
import jekyll from '../site/schemas/jekyll.json';
import zola from '../site/schemas/zola.json';
import { PRECOMPILED } from './precompiled';
import { SCHEMA_FORMAT_DEFINITIONS } from './schemaFormats';

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
  /** `theme`: a key of themes' making, not the generator's, which a build never rejects. */
  convention?: 'theme';
}

export const BUILT_IN_SCHEMAS: Record<SiteGeneratorName, SchemaNode> = { jekyll, hugo, zola, eleventy, astro, hexo, generic } as Record<SiteGeneratorName, SchemaNode>;

/** The session's validator, and each schema compiled once. */
interface Validators {
  /** Made when a schema needs compiling: in a bundle the built-in ones come compiled, so most runs never make it. */
  ajv?: Ajv;
  compiled: WeakMap<object, ValidateFunction>;
}

/**
 * One validator for all schemas: every error is collected (a post has several at once) and
 * errors carry their schema, whose `format` tells a date from another string. Unknown
 * keywords are allowed, since user schemas carry editor annotations.
 */
export const FRONT_MATTER_AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: false, validateSchema: true, addUsedSchema: false };

function createValidators(): Validators {
  const compiled = new WeakMap<object, ValidateFunction>();
  // The built-in schemas were compiled at build time when this runs from a bundle.
  for (const [name, schema] of Object.entries(BUILT_IN_SCHEMAS) as [SiteGeneratorName, SchemaNode][]) {
    const precompiled = PRECOMPILED.builtIn?.[name];
    if (precompiled) compiled.set(schema, precompiled);
  }
  return { compiled };
}

function createAjv(): Ajv {
  const ajv = new Ajv(FRONT_MATTER_AJV_OPTIONS);
  for (const [name, format] of Object.entries(SCHEMA_FORMAT_DEFINITIONS)) ajv.addFormat(name, format);
  return ajv;
}

const VALIDATORS = new SessionKey<Validators>('front-matter/validators', createValidators);

export function compile(session: Session, schema: SchemaNode): ValidateFunction {
  const validators = session.state(VALIDATORS);
  let validate = validators.compiled.get(schema);
  if (!validate) {
    validate = (validators.ajv ??= createAjv()).compile(schema);
    validators.compiled.set(schema, validate);
  }
  return validate;
}

export type SchemaLoad = { schema: SchemaNode; error?: undefined } | { schema?: undefined; error: string };


/**
 * Schemas of `talkdown.frontMatter.schema`, by URI: each file is read once, and dropped when
 * a file that may be it (any but a Markdown file) changes, or the settings change.
 */
const USER_SCHEMAS = new SessionKey<Map<string, SchemaLoad>>('front-matter/user-schemas', () => new Map(), {
  files: (event) => !isMarkdownFile(event.uri),
  settings: true,
});

/** The schema `talkdown.frontMatter.schema` names, if it does: its setting, and what loading it gave. */
export function userSchemaOf(session: Session, site: Site, settings: Settings): { path: string; load: SchemaLoad } | undefined {
  const path = settings.frontMatter?.schema;
  if (!path) return undefined;
  const uri = /^[a-z][\w+.-]*:/i.test(path) ? path : site.root ? `${site.root}/${path.replace(/^\.?\//, '')}` : undefined;
  if (!uri) return { path, load: { error: 'the file is outside any workspace folder, so a relative path has no base' } };
  const loads = session.state(USER_SCHEMAS);
  let load = loads.get(uri);
  if (!load) loads.set(uri, (load = loadUserSchema(session, session.workspace.readText(uri))));
  return { path, load };
}

/** Parses and compiles a user's schema. */
function loadUserSchema(session: Session, text: string | undefined): SchemaLoad {
  if (text === undefined) return { error: 'the file does not exist or cannot be read' };
  try {
    const schema = JSON.parse(text) as unknown;
    if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return { error: 'it is not a JSON object' };
    compile(session, schema as SchemaNode);
    return { schema: schema as SchemaNode };
  } catch (error) {
    return { error: (error as Error).message.replace(/\.$/, '') };
  }
}

export type SchemaError = ErrorObject;

export function validate(session: Session, schema: SchemaNode, data: unknown): SchemaError[] {
  const run = compile(session, schema);
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
