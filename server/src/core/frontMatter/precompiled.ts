import type { ValidateFunction } from 'ajv';
import type { SiteGeneratorName } from '../site/generator';

/**
 * Validators compiled at build time. The bundles replace this module with ajv's standalone
 * code for the built-in generator schemas and the configuration schema (see esbuild.mjs), so
 * that a cold start compiles no schema; run from source, they are compiled on first use.
 */
export const PRECOMPILED: {
  readonly builtIn?: Readonly<Partial<Record<SiteGeneratorName, ValidateFunction>>>;
  readonly config?: ValidateFunction;
} = {};
