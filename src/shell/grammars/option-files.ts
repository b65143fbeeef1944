// Files a program reads options or settings from by itself before its command line (data; see
// expand/option-files.ts): curl's ~/.curlrc and `-K FILE` (lines of its long options: `name = value`),
// wget's ~/.wgetrc and `--config FILE` (commands that are its long options without `-` and `_`:
// `output_document = F` is `--output-document=F`), aria2c's aria2.conf and `--conf-path FILE`, and the project files that name a file the
// program runs instead of itself or before its work: yarn's `yarn-path` (.yarnrc) and `yarnPath`
// (.yarnrc.yml), run by node; bun's `preload` (bunfig.toml), run by bun before the tests or the script.
import type { OptionGrammar } from '../getopt.js';
import { READERS } from './readers.js';
import { WRITES } from './writes.js';
import { ARIA2C } from './package-runners.js';

export interface OptionFile {
  readonly grammar: OptionGrammar;
  /** Files it reads by itself, relative to the home directory. */
  readonly home?: readonly string[];
  /** Variables that move its own file: the file is the variable's value joined with this name ('' : the value itself). */
  readonly env?: Readonly<Record<string, string>>;
  /** Files it reads by itself from the working directory. */
  readonly project?: readonly string[];
  /** Options whose value names a file read the same way (`curl -K FILE`). */
  readonly fileOptions?: readonly string[];
  /** `commands` whose name is not their option's (wgetrc's `logfile` is `--output-file`). */
  readonly commandNames?: Readonly<Record<string, string>>;
  /** Options whose value is one line of such a file (`wget -e 'output_document = F'`). */
  readonly lineOptions?: readonly string[];
  /** A first argument that keeps it from reading its own files (`curl -q`). */
  readonly skip?: readonly string[];
  /**
   * How a line reads: `options`, a long option's name (or `-x`) and its value; `commands`, a name
   * that is a long option's with `-` and `_` left out; `runs`, a key in `keys` whose value is a file
   * run as the command `run` followed by it.
   */
  readonly syntax: 'options' | 'commands' | 'runs';
  readonly keys?: readonly string[];
  readonly run?: readonly string[];
}

const WGET: OptionGrammar = { ...WRITES.wget!.options!, long: [...WRITES.wget!.options!.long ?? [], 'config='] };

export const OPTION_FILES: Readonly<Record<string, OptionFile>> = {
  // curl(1): $CURL_HOME/.curlrc, $XDG_CONFIG_HOME/.curlrc, then ~/.curlrc.
  curl: { grammar: READERS.curl!, home: ['.curlrc', '.config/.curlrc'], env: { CURL_HOME: '.curlrc', XDG_CONFIG_HOME: '.curlrc' }, fileOptions: ['-K'], skip: ['-q'], syntax: 'options' },
  // wget(1): SYSTEM_WGETRC (read first) and WGETRC or ~/.wgetrc; -e/--execute runs one wgetrc command.
  wget: { grammar: WGET, home: ['.wgetrc'], env: { WGETRC: '', SYSTEM_WGETRC: '' }, fileOptions: ['--config'], lineOptions: ['-e', '--execute'], commandNames: { logfile: 'output-file' }, syntax: 'commands' },
  // aria2c(1) "Configuration File": $XDG_CONFIG_HOME/aria2/aria2.conf, else ~/.aria2/aria2.conf, or --conf-path;
  // lines of its long options without `--` (`dir=…`, `on-download-complete=…`).
  aria2c: { grammar: ARIA2C, home: ['.aria2/aria2.conf', '.config/aria2/aria2.conf'], env: { XDG_CONFIG_HOME: 'aria2/aria2.conf' }, fileOptions: ['--conf-path'], syntax: 'options' },
  // rg(1) CONFIGURATION FILES: RIPGREP_CONFIG_PATH names a file of its arguments, one per line (`--pre=CMD`).
  rg: { grammar: READERS.rg!, env: { RIPGREP_CONFIG_PATH: '' }, syntax: 'options' },
  yarn: { grammar: {}, home: ['.yarnrc', '.yarnrc.yml'], project: ['.yarnrc', '.yarnrc.yml'], syntax: 'runs', keys: ['yarn-path', 'yarnPath'], run: ['node'] },
  bun: { grammar: {}, home: ['.bunfig.toml'], env: { XDG_CONFIG_HOME: '.bunfig.toml' }, project: ['bunfig.toml'], syntax: 'runs', keys: ['preload'], run: ['bun'] },
};
