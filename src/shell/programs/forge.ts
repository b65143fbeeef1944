// A forge CLI's API call as the CLI reads it (`gh api`, `glab api`): the method, the endpoint, the
// fields, and the request text it reads from files (`-F key=@file`, `--input file`), so that a
// mutation kept in a file is seen as if it were written inline.
import { getopt, optionIs, type Arg, type OptionGrammar, type Scan } from '../getopt.js';

/** `gh api` / `glab api` options (gh's and glab's share these names). */
export const FORGE_API: OptionGrammar = {
  short: 'X:H:f:F:p:q:t:ib',
  long: ['method=|X', 'header=|H', 'field=|F', 'raw-field=|f', 'input=', 'preview=|p', 'jq=|q', 'template=|t',
    'include|i', 'silent', 'paginate', 'slurp', 'hostname=', 'cache=', 'verbose', 'output='],
  permute: true,
};

/** `hub api` options (hub(1) api): `-t` is --flat there, and it takes no jq or template. */
export const HUB_API: OptionGrammar = {
  short: 'X:H:f:F:it',
  long: ['method=|X', 'header=|H', 'field=|F', 'raw-field=|f', 'input=', 'include|i', 'flat|t', 'paginate', 'color=?', 'cache=', 'obey-ratelimit'],
  permute: true,
};

export interface ForgeField {
  readonly key: string;
  /** The value as sent; null when computed at run time or read from a file. */
  readonly value: string | null;
}

export interface ForgeCall {
  readonly scan: Scan;
  /** The upper-cased method, as the CLI picks it (POST when fields or a body are sent); null when computed. */
  readonly method: string | null;
  /** The endpoint operand (`repos/o/r/git/refs/heads/main`, `graphql`); null when computed. */
  readonly endpoint: Arg | undefined;
  readonly fields: readonly ForgeField[];
  /** The request text read from files (`-F k=@file`, `--input file`); null where it cannot be known. */
  readonly bodies: readonly (string | null)[];
}

/** How a file's text is had: its text, '' for a missing file (the CLI fails, sends nothing), null when unknown. */
export type ReadBody = (path: string) => string | null;

/** The static key of a field word as written (`owner=$O`, `-fowner=$O`, `--field=owner=$O`); null when not shown. */
function fieldKey(text: string): string | null {
  const m = /^(?:-[fF]|--(?:raw-)?field=)?["']?([A-Za-z_][\w.[\]]*)=/.exec(text);
  return m ? m[1]! : null;
}

/** Parse the words after `gh api` / `glab api`. */
export function parseForgeApi(args: readonly Arg[], read: ReadBody, texts: readonly string[] = [], grammar: OptionGrammar = FORGE_API): ForgeCall {
  const scan = getopt(args, grammar);
  const fields: ForgeField[] = [];
  const bodies: (string | null)[] = [];
  let method: string | null | undefined;
  let sends = false;
  for (const o of scan.options) {
    if (optionIs(o, ['--method'])) method = o.value === null || o.value === undefined ? null : o.value.toUpperCase();
    if (optionIs(o, ['--input'])) {
      sends = true;
      bodies.push(o.value === null || o.value === undefined ? null : read(o.value));
    }
    const typed = optionIs(o, ['--field']);
    if (!typed && !optionIs(o, ['--raw-field'])) continue;
    sends = true;
    const v = o.value ?? null;
    const eq = v === null ? -1 : v.indexOf('=');
    // A computed field may be the query, or read it from a file (`-F "$F"`, `-F query=@$f`); where
    // the text shows its key, only `query` is (the others are the query's variables).
    if (v === null) {
      const key = fieldKey(texts[o.index + 1] ?? '') ?? fieldKey(texts[o.index] ?? '');
      fields.push({ key: key ?? '', value: null });
      if (key === null || key === 'query') bodies.push(null);
      continue;
    }
    if (eq < 0) { fields.push({ key: v, value: null }); continue; }
    const key = v.slice(0, eq);
    const value = v.slice(eq + 1);
    // Only a typed field (-F) reads `@file`; a raw field (-f) sends the text as written.
    if (typed && value.startsWith('@')) {
      bodies.push(read(value.slice(1)));
      fields.push({ key, value: null });
    } else {
      fields.push({ key, value });
    }
  }
  return { scan, method: method === undefined ? (sends ? 'POST' : 'GET') : method, endpoint: scan.operands[0]?.value, fields, bodies };
}
