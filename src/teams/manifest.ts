/** A parsed JSON document: what the manifest template and localization files are. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** The placeholder syntax of the Teams Toolkit, kept so the template stays familiar to Teams developers. */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export class ManifestPlaceholderError extends Error {
  constructor(
    readonly missing: string[],
    source: string,
  ) {
    super(
      `${source}: no value for placeholder(s) ${missing.map((name) => `\${{${name}}}`).join(', ')}. ` +
        'Set them in .env (see manifest/README.md) or pass them to renderManifest.',
    );
    this.name = 'ManifestPlaceholderError';
  }
}

/**
 * Fills `${{NAME}}` placeholders inside the string values of a JSON template.
 *
 * Works on the parsed tree rather than the raw text so a value containing quotes or backslashes can never
 * break the JSON. An array item that renders to the empty string is dropped: that is how an optional value
 * such as BOT_DOMAIN leaves `validDomains` empty instead of holding "". Every missing name is reported at
 * once so one run shows the whole configuration problem.
 */
export function renderManifest(
  template: string,
  values: Readonly<Record<string, string | undefined>>,
  source = 'manifest template',
): Json {
  const missing = new Set<string>();
  const fill = (text: string): string =>
    text.replace(PLACEHOLDER, (_match, name: string) => {
      const value = values[name];
      if (value === undefined) {
        missing.add(name);
        return '';
      }
      return value;
    });

  const walk = (node: Json): Json => {
    if (typeof node === 'string') return fill(node);
    if (Array.isArray(node)) {
      return node.flatMap((item) => {
        const rendered = walk(item);
        return rendered === '' && item !== '' ? [] : [rendered];
      });
    }
    if (node !== null && typeof node === 'object') {
      const out: { [key: string]: Json } = {};
      for (const [key, value] of Object.entries(node)) out[key] = walk(value);
      return out;
    }
    return node;
  };

  let parsed: Json;
  try {
    parsed = JSON.parse(template) as Json;
  } catch (error) {
    throw new Error(`${source} is not valid JSON: ${(error as Error).message}`);
  }
  const rendered = walk(parsed);
  if (missing.size > 0) throw new ManifestPlaceholderError([...missing].sort(), source);
  return rendered;
}
