// Settings files as people write them: JSON with comments (Gemini CLI, VS Code and Cursor read it so).
// Every change is an edit of the text (jsonc-parser's modify/applyEdits), so comments, key order and
// formatting outside the edited spot stay as they were.
import { applyEdits, findNodeAtLocation, modify, parse, parseTree, printParseErrorCode, type FormattingOptions, type JSONPath, type ParseError } from 'jsonc-parser';

/** A settings file that cannot be edited safely (not JSON, not an object, a key of the wrong type). */
export class InstallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InstallError';
  }
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The object in a JSON-with-comments file; an empty or missing file is `{}`. */
export function readJsonc(text: string | undefined, file: string): Record<string, any> {
  if (text === undefined || text.trim() === '') return {};
  const errors: ParseError[] = [];
  const data: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    const e = errors[0]!;
    throw new InstallError(`${file}:${lineOf(text, e.offset)}: not valid JSON (${printParseErrorCode(e.error)}); fix it, or add the entry by hand`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new InstallError(`${file} is not a JSON object`);
  return data as Record<string, any>;
}

/** The indentation and line ends the file already uses (two spaces and \n for a new file). */
export function formattingOf(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  if (indent?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indent ? indent.length : 2, eol };
}

/**
 * Set (or with `undefined`, remove) the value at `path`, editing only that spot. A file written on
 * one line gets its new value on that line too.
 */
export function setJsonc(text: string, path: JSONPath, value: unknown, options: { insertAt?: number } = {}): string {
  const base = text.trim() === '' ? '{}\n' : text;
  if (value === undefined && typeof path[path.length - 1] === 'number') return removeItem(base, path);
  const oneLine = !base.trim().includes('\n');
  const edits = modify(base, path, value, {
    ...(oneLine ? {} : { formattingOptions: formattingOf(base) }),
    ...(options.insertAt !== undefined ? { isArrayInsertion: true } : {}),
  });
  return applyEdits(base, edits);
}

/** A new settings file: two spaces, a final newline. */
export const pretty = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/**
 * Remove one element of a list, with the comma and space that joined it to its neighbour (done here:
 * jsonc-parser's modify leaves a stray bracket when it removes a list element from one-line JSON).
 */
function removeItem(text: string, path: JSONPath): string {
  const list = findNodeAtLocation(parseTree(text)!, path.slice(0, -1));
  const index = path[path.length - 1] as number;
  const items = list?.type === 'array' ? list.children ?? [] : [];
  const item = items[index];
  if (!item) return text;
  const [from, to] = index > 0
    ? [items[index - 1]!.offset + items[index - 1]!.length, item.offset + item.length]
    : items.length > 1 ? [item.offset, items[1]!.offset] : [item.offset, item.offset + item.length];
  return text.slice(0, from) + text.slice(to);
}
