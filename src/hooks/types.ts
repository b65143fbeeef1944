import type { z } from 'zod/v3';
import type { FileEdit } from './edits.js';

/** zod's v3 API, passed in by the caller that loaded it. */
export type Zod = typeof z;

// What every agent host's pre-execution hook has in common: read the host's JSON, find the shell
// command, answer in the host's own words. Each host is one adapter file beside this one.

/** A shell command the agent is about to run. */
export interface ShellCall {
  readonly command: string;
  /** Where it runs, when the host says. */
  readonly cwd?: string;
}

/**
 * One thing a tool call does that the hook judges: run a shell command, write files, or something
 * refused whatever its arguments (a tool whose effect the hook could not follow, like a change of
 * the host's working directory; `path` is what it names, for the audit log).
 */
export type HookPart =
  | { readonly kind: 'shell'; readonly call: ShellCall }
  | { readonly kind: 'edit'; readonly edit: FileEdit }
  | { readonly kind: 'refuse'; readonly reason: string; readonly rule: string; readonly path?: string };

/**
 * What the host sent: a shell call; a file-editing tool call (judged by the paths it writes, see
 * edits.ts); several of these in one call (a tool that runs a list of commands, or one the adapter
 * does not know whose arguments name a command and a path: each judged, the strictest answer
 * wins); or some other tool, which passes untouched.
 */
export type HookInput =
  | HookPart
  | { readonly kind: 'many'; readonly parts: readonly HookPart[] }
  | { readonly kind: 'other' };

/** The decision to send back, already fitted to what this host can do. */
export interface Outcome {
  readonly decision: 'allow' | 'deny' | 'ask';
  /** Text for the agent (and the person): what, why, what instead. Empty for a plain allow. */
  readonly reason: string;
  /** A command to run in place of the original (ask with an offer, or apply). */
  readonly updatedCommand?: string;
}

/** What the hook process writes and how it exits. */
export interface Reply {
  readonly stdout?: string;
  readonly stderr?: string;
  readonly exit: number;
}

export interface HookAdapter {
  /** The name used on the command line: `gitops-guard hook <id>`. */
  readonly id: string;
  readonly name: string;
  /** Where the protocol is documented. */
  readonly docs: string;
  readonly can: {
    /** The host can ask the person. */
    readonly ask: boolean;
    /** The host runs a replacement command offered with "ask". */
    readonly rewriteOnAsk: boolean;
    /** The host runs a replacement command given with "allow". */
    readonly rewriteOnAllow: boolean;
  };
  /**
   * The input read without zod, when it has the plain well-formed shape; undefined otherwise.
   * Accepts only what `parse` accepts, with the same result (a property test holds it to that),
   * so that a hook call with ordinary input does not pay for loading zod.
   */
  quick(input: unknown): HookInput | undefined;
  /** Validate the host's JSON with zod; throws HookInputError with a message a person can act on. */
  parse(input: unknown, z: Zod): HookInput;
  /** The answer for a decision. `input` is the parsed JSON, for hosts that echo fields back. */
  reply(outcome: Outcome, input: unknown): Reply;
  /** The answer when anything went wrong: always a block, in whatever form this host honours. */
  block(reason: string): Reply;
  /** Where this host reads project hooks from, and how to add ours (see `gitops-guard init`). */
  readonly install: Install;
}

/** How to install the hook for one host. */
export interface Install {
  /** Files or directories whose presence shows that the project uses this host. */
  readonly markers: readonly string[];
  /** The settings file, relative to the project top. */
  readonly file: string;
  /**
   * The file's new content with our hook added (JSON hosts: merged into what is there, keeping
   * everything else; script hosts: the whole script). Unchanged content when ours is present.
   */
  merge(existing: string | undefined, command: string, more?: { readonly powershell?: string }): string;
  /** The file must be executable (Cline runs the file itself). */
  readonly executable?: boolean;
  /** How the hook command finds the project top ($CLAUDE_PROJECT_DIR for Claude Code). */
  readonly projectDir?: string;
  /**
   * The host runs this hook before every tool, not only the shell: the names of its shell tools,
   * so that the fallback for a missing gitops-guard blocks only those (see install/command.ts).
   */
  readonly fallbackShellTools?: readonly string[];
  /** The host also runs a PowerShell form of the command (on Windows). */
  readonly powershell?: boolean;
}

export class HookInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HookInputError';
  }
}
