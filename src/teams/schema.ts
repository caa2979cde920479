import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Json } from './manifest';

/**
 * Offline JSON-schema validation of Teams manifests and localization files, done the way
 * @microsoft/app-manifest 1.1.2 does it (AppManifestUtils.fetchSchema / validateAgainstSchema):
 * the `$schema` URL is mapped to the schema bundled in that package, and draft-04 schemas are compiled with
 * ajv-draft-04 + ajv-formats(uri, email, regex), allErrors, strictTypes off. Dev-time only (scripts, tests).
 */

interface AjvError {
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}
interface AjvInstance {
  compile(schema: object): ValidateFunction;
}
type AjvConstructor = new (options: Record<string, unknown>) => AjvInstance;
type AddFormats = (ajv: AjvInstance, formats: string[]) => AjvInstance;

// ajv-draft-04 is only installed under @microsoft/app-manifest, so resolve it from there; that also pins the
// exact ajv build the Teams toolkit itself validates with.
const manifestPackageMain = require.resolve('@microsoft/app-manifest');
const requireFromToolkit = createRequire(manifestPackageMain);
const SCHEMA_ROOT = path.join(path.dirname(manifestPackageMain), 'json-schemas');

/** Same URL normalisation as the toolkit: optional /xx-xx/ locale segment, developer.microsoft.com only. */
export function bundledSchemaPath(schemaUrl: string): string {
  const match =
    /^https:\/\/developer\.microsoft\.com(?:\/[a-z]{2}(?:-[a-z]{2})?)?\/json-schemas\/(teams\/.+)$/i.exec(
      schemaUrl,
    );
  if (!match) throw new Error(`$schema "${schemaUrl}" is not a developer.microsoft.com Teams schema URL.`);
  const file = path.join(SCHEMA_ROOT, ...match[1].split('/'));
  // Refuse to go online: a schema not bundled means the package is too old for this manifest version.
  if (!fs.existsSync(file))
    throw new Error(`$schema "${schemaUrl}" is not bundled in @microsoft/app-manifest.`);
  return file;
}

function loadSchema(file: string): object {
  // The toolkit rewrites these escapes, which JSON.parse rejects, before parsing.
  const raw = fs.readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return JSON.parse(raw) as object;
}

function compile(schema: object, unicodeRegExp: boolean): ValidateFunction {
  const draft = (schema as { $schema?: string }).$schema ?? '';
  const ajvModule = draft.includes('2020-12') ? 'ajv/dist/2020' : 'ajv-draft-04';
  const Ajv = (requireFromToolkit(ajvModule) as { default: AjvConstructor }).default;
  const addFormats = (requireFromToolkit('ajv-formats') as { default: AddFormats }).default;
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp });
  addFormats(ajv, ['uri', 'email', 'regex']);
  return ajv.compile(schema);
}

/** Returns one readable line per schema error; an empty list means valid. */
export function validateAgainstBundledSchema(document: Json): string[] {
  if (document === null || typeof document !== 'object' || Array.isArray(document))
    return ['/ must be an object'];
  const schemaUrl = document.$schema;
  if (typeof schemaUrl !== 'string') return ['/ has no $schema URL'];
  const file = bundledSchemaPath(schemaUrl);
  // The localization schemas' patterns (e.g. `\b]`) are only valid JavaScript regexes without the u flag,
  // so ajv's default unicode mode cannot compile them; the manifest schema keeps the toolkit's defaults.
  const unicodeRegExp = !/Localization\.schema\.json$/i.test(file);
  const validate = compile(loadSchema(file), unicodeRegExp);
  // Round-trip like the toolkit so only what would be serialised is validated.
  if (validate(JSON.parse(JSON.stringify(document)))) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'} ${error.message ?? ''} ${JSON.stringify(error.params ?? {})}`,
  );
}
