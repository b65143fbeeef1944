// Calls in inline interpreter code that write, remove or change a file named by a literal (data; read
// by expand/code-writes.ts). Used for the guard's own files: `python3 -c 'open(".claude/settings.json",
// "w")'` changes them as surely as a redirection does.
import type { CodeLanguage } from './types.js';

export interface WriteCall {
  /** The call's name, up to where its arguments start (an opening parenthesis, or a space in Perl). */
  readonly call: RegExp;
  /** Which arguments are written paths: an index, or the last one (a copy's destination), or every one. */
  readonly path: number | 'last' | 'all';
  /** The argument at this index is an open mode, and it must match `mode` for the call to write. */
  readonly modeAt?: number;
  readonly mode?: RegExp;
  /** Perl's two-argument open: the mode is the path's prefix (`">file"`). */
  readonly modePrefix?: RegExp;
  /** After the call's closing parenthesis this must follow (`Path("x").write_text(…)`). */
  readonly then?: RegExp;
}

const OPEN_FOR_WRITING = /[wax+]/;

export const CODE_WRITES: Partial<Record<CodeLanguage, readonly WriteCall[]>> = {
  python: [
    { call: /\b(?:io\.)?open\(/g, path: 0, modeAt: 1, mode: OPEN_FOR_WRITING },
    { call: /\bos\.open\(/g, path: 0, modeAt: 1, mode: /O_(?:WRONLY|RDWR|CREAT|TRUNC|APPEND)/ },
    { call: /\b(?:pathlib\.)?(?:Pure)?(?:Posix)?Path\(/g, path: 'all', then: /^\s*\.\s*(?:write_text|write_bytes|unlink|touch|rmdir|rename|replace|chmod|symlink_to|hardlink_to|open\(\s*(?:mode\s*=\s*)?[rbf]*['"][^'"]*[wax+])/ },
    { call: /\bos\.(?:remove|unlink|rmdir|removedirs|truncate|chmod|chown|rename|replace|renames|utime)\(/g, path: 'all' },
    { call: /\bos\.(?:symlink|link)\(/g, path: 'last' },
    { call: /\bshutil\.(?:copy|copy2|copyfile|copytree|copymode|copystat|move)\(/g, path: 'last' },
    { call: /\bshutil\.rmtree\(/g, path: 0 },
  ],
  node: [
    { call: /\b(?:writeFile|appendFile|rm|unlink|truncate|chmod|chown|rmdir|utimes|lchown)(?:Sync)?\(/g, path: 0 },
    { call: /\bcreateWriteStream\(/g, path: 0 },
    { call: /\bopen(?:Sync)?\(/g, path: 0, modeAt: 1, mode: OPEN_FOR_WRITING },
    { call: /\b(?:copyFile|cp|symlink|link)(?:Sync)?\(/g, path: 'last' },
    { call: /\brename(?:Sync)?\(/g, path: 'all' },
  ],
  ruby: [
    { call: /\b(?:File|IO)\.(?:write|binwrite|truncate)\(?/g, path: 0 },
    { call: /\b(?:File|IO)\.(?:delete|unlink|chmod|chown|utime)\(?/g, path: 'all' },
    { call: /\b(?:File|IO)\.(?:open|new)\(?/g, path: 0, modeAt: 1, mode: OPEN_FOR_WRITING },
    { call: /\bFile\.(?:rename|symlink|link)\(?/g, path: 'all' },
    { call: /\bFileUtils\.(?:rm|rm_f|rm_r|rm_rf|rmtree|remove|touch|mkdir_p|chmod|chmod_R|chown)\(?/g, path: 'all' },
    { call: /\bFileUtils\.(?:cp|cp_r|mv|move|copy|ln|ln_s|ln_sf|install)\(?/g, path: 'last' },
  ],
  perl: [
    { call: /\bopen\s*\(?/g, path: 2, modeAt: 1, mode: /^\+?>|^\+</ },
    { call: /\bopen\s*\(?/g, path: 1, modePrefix: /^\s*(?:\+?>{1,2}|\+<)\s*/ },
    { call: /\b(?:unlink|truncate|chmod|chown|utime|rename|rmdir)\s*\(?/g, path: 'all' },
    { call: /\b(?:symlink|link)\s*\(?/g, path: 'last' },
  ],
  php: [
    { call: /\b(?:file_put_contents|unlink|touch|chmod|chown|rmdir)\(/g, path: 0 },
    { call: /\brename\(/g, path: 'all' },
    { call: /\bfopen\(/g, path: 0, modeAt: 1, mode: OPEN_FOR_WRITING },
    { call: /\b(?:copy|symlink|link)\(/g, path: 'last' },
  ],
};
