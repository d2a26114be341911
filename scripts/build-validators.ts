/**
 * Compiles the built-in front-matter schemas and the configuration schema into ajv standalone
 * code (dist/generated/validators.cjs), which the bundles use in place of
 * server/src/core/frontMatter/precompiled.ts. Options match the run-time compilers'.
 */
import Ajv, { _ } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_IN_SCHEMAS, FRONT_MATTER_AJV_OPTIONS } from '../server/src/core/frontMatter/schema';
import { SCHEMA_FORMAT_DEFINITIONS } from '../server/src/core/frontMatter/schemaFormats';
import { CONFIG_AJV_OPTIONS } from '../server/src/core/config/projectConfig';
import configSchema from '../server/src/core/config/config.schema.json';

const ROOT = join(__dirname, '..');
const formatsModule = join(ROOT, 'server', 'src', 'core', 'frontMatter', 'schemaFormats.ts');

const frontMatter = new Ajv({ ...FRONT_MATTER_AJV_OPTIONS, code: { source: true, formats: _`require(${formatsModule}).SCHEMA_FORMAT_DEFINITIONS` } });
for (const [name, format] of Object.entries(SCHEMA_FORMAT_DEFINITIONS)) frontMatter.addFormat(name, format);
const names: Record<string, string> = {};
for (const [name, schema] of Object.entries(BUILT_IN_SCHEMAS)) {
  frontMatter.addSchema(schema, `talkdown:${name}`);
  names[name] = `talkdown:${name}`;
}
const config = new Ajv({ ...CONFIG_AJV_OPTIONS, code: { source: true } });
config.addSchema(configSchema, 'talkdown:config');

const out = join(ROOT, 'dist', 'generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'frontMatterValidators.cjs'), standaloneCode(frontMatter, names));
writeFileSync(join(out, 'configValidator.cjs'), standaloneCode(config, { config: 'talkdown:config' }));
writeFileSync(
  join(out, 'validators.cjs'),
  "exports.PRECOMPILED = { builtIn: { ...require('./frontMatterValidators.cjs') }, config: require('./configValidator.cjs').config };\n",
);
