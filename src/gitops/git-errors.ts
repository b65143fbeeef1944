// What git said when a push or a commit failed, told apart so that each gets its own next step.
// The knowledge is the table below: which words in git's output mean which situation. git's own
// `remote:` lines (a server hook's reason) are kept and shown as they are.

export type PushFailure = 'hook' | 'behind' | 'permission' | 'network' | 'other';

interface Pattern {
  readonly kind: PushFailure;
  readonly match: RegExp;
}

/** First match wins: a hook's rejection and a permission problem also say "could not read from remote". */
const PUSH_PATTERNS: readonly Pattern[] = [
  { kind: 'hook', match: /\[remote rejected\][^\n]*(hook declined|hook)|pre-receive hook declined|update hook declined/i },
  { kind: 'behind', match: /\[rejected\][^\n]*\((fetch first|non-fast-forward)\)|Updates were rejected because|failed to update ref|cannot lock ref|stale info/i },
  { kind: 'permission', match: /permission denied|access denied|not exported|read-only|insufficient permission|unable to create temporary object directory|unpack failed|returned error: 40[13]|authentication failed|could not read username|denied to |you are not allowed/i },
  { kind: 'network', match: /could not resolve host|connection refused|connection timed out|timed out|network is unreachable|no route to host|connection reset|could not connect|unable to access|could not read from remote repository|does not appear to be a git repository|repository not found|end of file|hung up/i },
];

export interface PushError {
  readonly kind: PushFailure;
  /** git's `remote:` lines, without the prefix. */
  readonly remote: string[];
  /** The line that says what happened. */
  readonly reason: string;
}

export function classifyPush(output: string): PushError {
  const lines = output.split('\n').map((l) => l.trimEnd()).filter((l) => l.trim() !== '');
  const remote = lines.filter((l) => /^remote:/.test(l)).map((l) => l.replace(/^remote:\s?/, '')).filter((l) => l.trim() !== '');
  const kind = PUSH_PATTERNS.find((p) => p.match.test(output))?.kind ?? 'other';
  const reason = lines.find((l) => /^\s*!\s*\[|^(fatal|error):/.test(l))?.trim() ?? lines.at(-1)?.trim() ?? 'git push failed';
  return { kind, remote, reason };
}

/** The message for a refused push: what git said, that the commit is kept, and what to run. */
export function pushMessage(e: PushError, remoteName: string, branch: string, commit: string, what = 'Your commit'): string {
  const short = commit.slice(0, 7);
  const said = [e.reason, ...e.remote.map((l) => `remote: ${l}`)].join('\n  ');
  const kept = `${what} ${short} is kept locally (gitops-guard never force-pushes)`;
  switch (e.kind) {
    case 'hook':
      return `git push to ${remoteName}/${branch} was rejected by a hook on the remote:\n  ${said}\n${kept}. `
        + 'Fix what the hook says (amend or add a commit), then: gitops-guard deploy --resume';
    case 'behind':
      return `git push to ${remoteName}/${branch} was rejected: someone pushed first (not a fast-forward).\n  ${said}\n${kept}. `
        + 'Run git pull --rebase --autostash, check the result, then: gitops-guard deploy --resume';
    case 'permission':
      return `git push to ${remoteName}/${branch} was refused: no permission to write (or the remote is read-only).\n  ${said}\n${kept}. `
        + `Check your access to ${remoteName} (git remote -v shows where it points), then: gitops-guard deploy --resume`;
    case 'network':
      return `git push to ${remoteName}/${branch} could not reach the remote.\n  ${said}\n${kept}. `
        + 'When the network is back: gitops-guard deploy --resume';
    default:
      return `git push to ${remoteName}/${branch} failed.\n  ${said}\n${kept}. Once fixed: gitops-guard deploy --resume`;
  }
}

/** git's "who are you" failure: a situation to fix, with the commands. */
export const IDENTITY_UNKNOWN = /Author identity unknown|Please tell me who you are|empty ident name|unable to auto-detect email address|Committer identity unknown/i;

export function identityMessage(root: string): string {
  return `git does not know who you are, so it cannot commit in ${root}. Set your name and email, then deploy again:\n`
    + '  git config user.name "Your Name" && git config user.email you@example.com   (add --global for every repository)\n'
    + 'Nothing was committed.';
}
