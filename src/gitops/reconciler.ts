// The reconciler that runs on the server: a POSIX sh script (the server needs sh, git, docker with
// compose, and flock; not Node). `gitops-guard reconcile` prints it; `gitops-guard server install`
// prints a systemd timer or a cron line that runs it.
//
// One run: take a lock (a second run exits 2 at once), fetch, move the checkout to the upstream
// commit only by fast-forward, validate with `docker compose config -q`, then `docker compose up`.
// The result (the commit attempted, ok or not, the tail of the output, and the last commit applied
// successfully) goes to a state file outside the work tree. A run repeats until the upstream commit
// has been applied successfully; an invalid compose file never reaches `up`, so the containers that
// were running stay up.

import type { ResolvedConfig } from '../config.js';
import { UnsafeValue } from '../remote/commands.js';

/**
 * The settings the script reads from its environment, from the config. Validated here for every
 * place that writes them (a remote command line, a systemd unit, a crontab line): compose files
 * are split on spaces by the script, and no value may carry a control character.
 */
export function reconcilerEnv(config: ResolvedConfig): [string, string][] {
  if (!config.remotePath) throw new UnsafeValue('remotePath is not configured: set it in gitops-guard.json (the server\'s checkout)');
  for (const f of config.composeFiles) if (!/^[A-Za-z0-9_./-]+$/.test(f)) throw new UnsafeValue(`${JSON.stringify(f)} is not a plain relative path`);
  if (!/^[A-Za-z0-9_./-]+$/.test(config.branch) || !/^[A-Za-z0-9_.-]+$/.test(config.remote)) {
    throw new UnsafeValue('branch and remote must be plain names');
  }
  const env: [string, string][] = [
    ['GITOPS_GUARD_REPO', config.remotePath],
    ['GITOPS_GUARD_BRANCH', config.branch],
    ['GITOPS_GUARD_REMOTE', config.remote],
    ['GITOPS_GUARD_COMPOSE_FILES', config.composeFiles.join(' ')],
    ...(config.stateFile ? [['GITOPS_GUARD_STATE', config.stateFile] as [string, string]] : []),
  ];
  for (const [k, v] of env) {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(v)) throw new UnsafeValue(`${k} must not contain control characters: ${JSON.stringify(v)}`);
  }
  return env;
}

/** Exit codes of the reconciler script. */
export const RECONCILE_EXIT = {
  applied: 0,
  usage: 1,
  busy: 2,
  fetchFailed: 3,
  notFastForward: 4,
  invalidCompose: 5,
  upFailed: 6,
} as const;

export const RECONCILER_SCRIPT = String.raw`#!/bin/sh
# gitops-guard reconciler: the server applies what git says, and only what git says.
# Settings (environment): GITOPS_GUARD_REPO (required: the server's checkout), GITOPS_GUARD_BRANCH
# (main), GITOPS_GUARD_REMOTE (origin), GITOPS_GUARD_COMPOSE_FILES (space-separated, relative to the
# checkout), GITOPS_GUARD_UP_ARGS (-d --remove-orphans), GITOPS_GUARD_STATE (state file, outside the
# checkout). Exit: 0 applied or up to date, 1 usage, 2 another run holds the lock, 3 fetch failed,
# 4 not a fast-forward, 5 compose config invalid, 6 compose up failed.
set -u
REPO=${"$"}{GITOPS_GUARD_REPO:-}
BRANCH=${"$"}{GITOPS_GUARD_BRANCH:-main}
REMOTE=${"$"}{GITOPS_GUARD_REMOTE:-origin}
FILES=${"$"}{GITOPS_GUARD_COMPOSE_FILES:-}
UP_ARGS=${"$"}{GITOPS_GUARD_UP_ARGS:--d --remove-orphans}
STATE=${"$"}{GITOPS_GUARD_STATE:-${"$"}HOME/.local/state/gitops-guard/state.json}

[ -n "$REPO" ] || { echo "gitops-guard reconcile: set GITOPS_GUARD_REPO to the server's checkout" >&2; exit 1; }
[ -d "$REPO/.git" ] || { echo "gitops-guard reconcile: $REPO is not a git checkout" >&2; exit 1; }
mkdir -p "$(dirname "$STATE")" || exit 1
case "$STATE" in "$REPO"/*) echo "gitops-guard reconcile: keep the state file outside the checkout" >&2; exit 1 ;; esac

exec 9>"$STATE.lock"
flock -n 9 || { echo "gitops-guard reconcile: another run is in progress" >&2; exit 2; }

json() { # a string as a JSON string literal (control characters become spaces)
  printf '%s' "$1" | awk 'BEGIN { printf "\"" }
    { if (NR > 1) printf "\\n"; n = length($0)
      for (i = 1; i <= n; i++) { c = substr($0, i, 1)
        if (c == "\\") printf "\\\\"; else if (c == "\"") printf "\\\""; else if (c == "\t") printf "\\t"
        else if (c < " ") printf " "; else printf "%s", c } }
    END { printf "\"" }'
}
applied_before=""
if [ -f "$STATE" ]; then
  applied_before=$(sed -n 's/.*"applied": *"\([0-9a-f]*\)".*/\1/p' "$STATE" | head -n 1)
  applied_at_before=$(sed -n 's/.*"appliedAt": *"\([^"]*\)".*/\1/p' "$STATE" | head -n 1)
fi
record() { # record COMMIT OK EXIT OUTPUT
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  if [ "$2" = true ]; then applied=$1; applied_at=$now; else applied=$applied_before; applied_at=${"$"}{applied_at_before:-}; fi
  tmp="$STATE.tmp.$$"
  {
    printf '{"commit": %s, "time": "%s", "ok": %s, "exit": %s, ' "$(json "$1")" "$now" "$2" "$3"
    printf '"applied": %s, "appliedAt": %s, "output": %s}\n' "$(json "$applied")" "$(json "$applied_at")" "$(json "$4")"
  } > "$tmp" && mv "$tmp" "$STATE"
}

cd "$REPO" || exit 1
if ! out=$(git fetch --quiet "$REMOTE" "$BRANCH" 2>&1); then
  record "$(git rev-parse HEAD)" false 3 "git fetch failed: $out"
  echo "gitops-guard reconcile: git fetch failed: $out" >&2
  exit 3
fi
target=$(git rev-parse "$REMOTE/$BRANCH") || exit 3
if [ "$target" = "$applied_before" ] && [ "$(git rev-parse HEAD)" = "$target" ]; then
  exit 0  # already applied
fi
if [ -n "$(git status --porcelain --untracked-files=no)" ]; then
  record "$target" false 4 "the checkout has local changes; the server must not be edited by hand"
  echo "gitops-guard reconcile: $REPO has local changes; refusing to move it" >&2
  exit 4
fi
if ! out=$(git merge --ff-only --quiet "$REMOTE/$BRANCH" 2>&1); then
  record "$target" false 4 "not a fast-forward: $out"
  echo "gitops-guard reconcile: $REMOTE/$BRANCH is not a fast-forward of the checkout: $out" >&2
  exit 4
fi

set --
for f in $FILES; do set -- "$@" -f "$REPO/$f"; done
if ! out=$(docker compose "$@" config -q 2>&1); then
  record "$target" false 5 "docker compose config: $out"
  echo "gitops-guard reconcile: the compose files of $target are not valid; nothing was changed: $out" >&2
  exit 5
fi
# shellcheck disable=SC2086 # UP_ARGS is a list of words
if ! out=$(docker compose "$@" up $UP_ARGS 2>&1); then
  record "$target" false 6 "$(printf '%s\n' "$out" | tail -n 40)"
  echo "gitops-guard reconcile: docker compose up failed for $target" >&2
  printf '%s\n' "$out" | tail -n 40 >&2
  exit 6
fi
record "$target" true 0 "$(printf '%s\n' "$out" | tail -n 40)"
echo "gitops-guard reconcile: applied $target"
`;
