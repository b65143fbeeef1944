// The reconciler that runs on the server: a POSIX sh script (the server needs sh, git, flock and
// docker: with compose, or a swarm manager for reconciler: swarm; not Node). `gitops-guard reconcile` prints it; `gitops-guard server install`
// prints a systemd timer or a cron line that runs it. docs/reconciler.md describes it for people.
//
// One run: take a lock (a second run exits 2 at once); remove a stale index.lock; fetch; when the
// checkout has drifted from git (edited by hand, local commits, or upstream rewritten) save the old
// state (a patch file and a ref) and move it to upstream (onDrift: heal), or stop (refuse); when the
// commit is already applied, compare the running containers with what the last run left and bring
// them back with `up` if they differ; else fast-forward, validate with `docker compose config -q`,
// and `docker compose up` (Swarm: `docker stack config`, `docker stack deploy --prune`, and the
// stack's service specs as what runs; reconciler-engines.ts). The result goes to a state file outside the work tree, each run that did
// something to a bounded JSON-lines history beside it, and optionally to a webhook. A run repeats
// until the upstream commit has been applied; an invalid compose file never reaches `up`, so the
// containers that were running stay up.

import type { Reconciler, ResolvedConfig } from '../config.js';
import { UnsafeValue } from '../remote/commands.js';
import { ENGINE_FUNCTIONS } from './reconciler-engines.js';

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
    ['GITOPS_GUARD_STACK', stackName(config)],
    ...(config.reconciler.type === 'swarm' ? [['GITOPS_GUARD_ENGINE', 'swarm'] as [string, string],
      ['GITOPS_GUARD_STACK_ARGS', stackArgs(config.reconciler)] as [string, string]] : []),
    ...(config.stateFile ? [['GITOPS_GUARD_STATE', config.stateFile] as [string, string]] : []),
    ...(config.onDrift === 'refuse' ? [['GITOPS_GUARD_ON_DRIFT', 'refuse'] as [string, string]] : []),
    ...(config.notify ? [['GITOPS_GUARD_NOTIFY_URL', config.notify.url] as [string, string],
      ...(config.notify.header && config.notify.tokenEnv ? [['GITOPS_GUARD_NOTIFY_HEADER', config.notify.header] as [string, string],
        ['GITOPS_GUARD_NOTIFY_TOKEN_ENV', config.notify.tokenEnv] as [string, string]] : [])] : []),
  ];
  if (config.reconciler.type === 'swarm' && stackName(config).includes('.')) {
    throw new UnsafeValue(`the swarm stack name ${JSON.stringify(stackName(config))} cannot contain "." (it is part of every service's DNS name): set "stack" in gitops-guard.json`);
  }
  for (const [k, v] of env) {
    // eslint-disable-next-line no-control-regex
    if (/[\x00-\x1f\x7f]/.test(v)) throw new UnsafeValue(`${k} must not contain control characters: ${JSON.stringify(v)}`);
  }
  return env;
}

/** docker stack deploy's options from the config (the script's default is --prune alone). */
function stackArgs(r: Extract<Reconciler, { type: 'swarm' }>): string {
  return ['--prune', ...(r.withRegistryAuth ? ['--with-registry-auth'] : []), ...(r.resolveImage ? ['--resolve-image', r.resolveImage] : [])].join(' ');
}

/** The stack's name on the server: the config's `stack`, else the checkout's directory name. */
export function stackName(config: Pick<ResolvedConfig, 'stack' | 'remotePath'>): string {
  if (config.stack) return config.stack;
  const base = (config.remotePath ?? '').replace(/\/+$/, '').split('/').pop() ?? '';
  const name = base.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z0-9]+/, '');
  return name === '' ? 'default' : name.slice(0, 64);
}

/** Where the state file is when none is configured (`~/` is the ssh user's home). */
export function defaultStateFile(config: Pick<ResolvedConfig, 'stack' | 'remotePath'>): string {
  return `~/.local/state/gitops-guard/${stackName(config)}/state.json`;
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
  stateNotWritable: 8,
} as const;

export const RECONCILER_SCRIPT = String.raw`#!/bin/sh
# gitops-guard reconciler: the server applies what git says, and only what git says.
# Settings (environment): GITOPS_GUARD_REPO (required: the server's checkout), GITOPS_GUARD_BRANCH
# (main), GITOPS_GUARD_REMOTE (origin), GITOPS_GUARD_COMPOSE_FILES (space-separated, relative to the
# checkout), GITOPS_GUARD_UP_ARGS (-d --remove-orphans), GITOPS_GUARD_ENGINE (compose, or swarm:
# docker stack deploy GITOPS_GUARD_STACK_ARGS (--prune) -c FILE… STACK), GITOPS_GUARD_STACK (this deployment's name;
# default: the checkout's directory name), GITOPS_GUARD_STATE (state file, outside the checkout;
# default ~/.local/state/gitops-guard/STACK/state.json), GITOPS_GUARD_ON_DRIFT (heal or refuse),
# GITOPS_GUARD_HISTORY_MAX (200 runs), GITOPS_GUARD_NOTIFY_URL, GITOPS_GUARD_NOTIFY_HEADER and
# GITOPS_GUARD_NOTIFY_TOKEN_ENV (a webhook; the token is that variable, from the environment or
# from ~/.config/gitops-guard/env as NAME=value).
# Exit: 0 applied or up to date, 1 usage, 2 another run holds the lock, 3 fetch failed,
# 4 the checkout drifted and was not moved, 5 compose config invalid, 6 compose up (stack deploy)
# failed, or the swarm rolled the applied commit back, 8 the state file cannot be written.
set -u
REPO=${"$"}{GITOPS_GUARD_REPO:-}
BRANCH=${"$"}{GITOPS_GUARD_BRANCH:-main}
REMOTE=${"$"}{GITOPS_GUARD_REMOTE:-origin}
FILES=${"$"}{GITOPS_GUARD_COMPOSE_FILES:-}
UP_ARGS=${"$"}{GITOPS_GUARD_UP_ARGS:--d --remove-orphans}
ENGINE=${"$"}{GITOPS_GUARD_ENGINE:-compose}
STACK_ARGS=${"$"}{GITOPS_GUARD_STACK_ARGS:---prune}
ON_DRIFT=${"$"}{GITOPS_GUARD_ON_DRIFT:-heal}
HISTORY_MAX=${"$"}{GITOPS_GUARD_HISTORY_MAX:-200}
NOTIFY_URL=${"$"}{GITOPS_GUARD_NOTIFY_URL:-}
NOTIFY_HEADER=${"$"}{GITOPS_GUARD_NOTIFY_HEADER:-}
NOTIFY_TOKEN_ENV=${"$"}{GITOPS_GUARD_NOTIFY_TOKEN_ENV:-}
REPO=${"$"}{REPO%/}
STACK=${"$"}{GITOPS_GUARD_STACK:-${"$"}{REPO##*/}}
case "$STACK" in ''|*[!A-Za-z0-9_.-]*) STACK=$(printf '%s' "${"$"}{STACK:-default}" | tr -c 'A-Za-z0-9_.-' '_') ;; esac
STATE=${"$"}{GITOPS_GUARD_STATE:-${"$"}HOME/.local/state/gitops-guard/$STACK/state.json}
DIR=${"$"}{STATE%/*}
HISTORY="$DIR/history.jsonl"

say() { echo "gitops-guard reconcile ($STACK): $*" >&2; }
[ -n "$REPO" ] || { say "set GITOPS_GUARD_REPO to the server's checkout"; exit 1; }
case "$ON_DRIFT" in heal|refuse) ;; *) say "GITOPS_GUARD_ON_DRIFT is heal or refuse, not $ON_DRIFT"; exit 1 ;; esac
case "$ENGINE" in
  compose) FILE_OPT=-f; LISTING='docker ps'; APPLYING='docker compose up'; REAPPLY='the running containers differed from git (stopped, removed or changed by hand:'; REAPPLIED='brought back with up' ;;
  swarm) FILE_OPT=-c; LISTING='docker service ls'; APPLYING='docker stack deploy'; REAPPLY="the stack's services differed from git (scaled, updated, rolled back or removed by hand:"; REAPPLIED='deployed the stack again' ;;
  *) say "GITOPS_GUARD_ENGINE is compose or swarm, not $ENGINE"; exit 1 ;;
esac
case "$HISTORY_MAX" in ''|*[!0-9]*) HISTORY_MAX=200 ;; esac
case "$STATE" in "$REPO"/*) say "keep the state file outside the checkout"; exit 1 ;; esac
[ -d "$DIR" ] || mkdir -p "$DIR" || { say "cannot create $DIR"; exit 8; }

exec 9>"$STATE.lock" || { say "cannot write $STATE.lock"; exit 8; }
flock -n 9 || { say "another run is in progress"; exit 2; }

now_ms() { # milliseconds on some clock, without a process where Linux offers /proc/uptime
  if [ -r /proc/uptime ] && read -r up _ < /proc/uptime; then
    case "$up" in *.??) echo "${"$"}{up%.*}${"$"}{up#*.}0"; return ;; esac
  fi
  t=$(date +%s%N 2>/dev/null)
  case "$t" in ''|*N*) echo $(( $(date +%s) * 1000 )) ;; *) echo $(( t / 1000000 )) ;; esac
}
STARTED=$(now_ms)
json() { # a string as a JSON string literal (control characters become spaces)
  printf '%s' "$1" | awk 'BEGIN { printf "\"" }
    { if (NR > 1) printf "\\n"; n = length($0)
      for (i = 1; i <= n; i++) { c = substr($0, i, 1)
        if (c == "\\") printf "\\\\"; else if (c == "\"") printf "\\\""; else if (c == "\t") printf "\\t"
        else if (c < " ") printf " "; else printf "%s", c } }
    END { printf "\"" }'
}
jlines() { # newline-separated lines as a JSON array of strings
  printf '['; sep=''
  printf '%s\n' "$1" | while IFS= read -r line; do [ -n "$line" ] && { printf '%s%s' "$sep" "$(json "$line")"; sep=', '; }; done
  printf ']'
}
STATE_TEXT=""
[ -f "$STATE" ] && IFS= read -r STATE_TEXT < "$STATE"
field() { # v= the string value of KEY in the state file's one line (no process: this runs every minute)
  v=""
  case "$STATE_TEXT" in *"\"$1\": \""*) v=${"$"}{STATE_TEXT#*\"$1\": \"}; v=${"$"}{v%%\"*} ;; esac
}
field applied; applied_before=$v
field appliedAt; applied_at_before=$v
field running; fp_before=$v
field commit; commit_before=$v
# The exit code of the last run when it failed, else empty.
failed_before=${"$"}{STATE_TEXT#*\"ok\": false, \"exit\": }
[ "$failed_before" = "$STATE_TEXT" ] && failed_before="" || failed_before=${"$"}{failed_before%%,*}
HEALED=""
heal_note() { HEALED="${"$"}{HEALED:+$HEALED
}$1"; }

notify() { # notify PAYLOAD-FILE
  [ -n "$NOTIFY_URL" ] || return 0
  payload=$1
  token=""
  if [ -n "$NOTIFY_TOKEN_ENV" ]; then
    case "$NOTIFY_TOKEN_ENV" in *[!A-Z0-9_]*) say "GITOPS_GUARD_NOTIFY_TOKEN_ENV is not a variable name"; return 0 ;; esac
    eval "token=\${$NOTIFY_TOKEN_ENV:-}"  # a checked name: capitals, digits and _ only
    [ -n "$token" ] || token=$(sed -n "s/^$NOTIFY_TOKEN_ENV=//p" "$HOME/.config/gitops-guard/env" 2>/dev/null | head -n 1)
  fi
  set --
  [ -n "$NOTIFY_HEADER" ] && [ -n "$token" ] && set -- -H "$NOTIFY_HEADER: $token"
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -m 10 -X POST -H 'Content-Type: application/json' "$@" --data-binary "@$payload" "$NOTIFY_URL" >/dev/null 2>"$DIR/notify.err" \
      || say "the webhook failed: $(tail -n 1 "$DIR/notify.err")"
  elif command -v wget >/dev/null 2>&1; then
    [ "$#" -gt 0 ] && set -- "--header=$NOTIFY_HEADER: $token"
    wget -q -T 10 -O /dev/null --header='Content-Type: application/json' "$@" --post-file="$payload" "$NOTIFY_URL" 2>"$DIR/notify.err" \
      || say "the webhook failed: $(tail -n 1 "$DIR/notify.err")"
  else
    say "notify is configured, but the server has neither curl nor wget"
  fi
}

record() { # record COMMIT OK EXIT OUTPUT [RUNNING]
  now=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  if [ "$2" = true ]; then applied=$1; applied_at=$now; running=${"$"}{5:-}; else applied=$applied_before; applied_at=$applied_at_before; running=$fp_before; fi
  duration=$(( $(now_ms) - STARTED ))
  healed=$(jlines "$HEALED")
  tmp="$STATE.tmp.$$"
  if ! {
    printf '{"commit": %s, "time": "%s", "ok": %s, "exit": %s, ' "$(json "$1")" "$now" "$2" "$3"
    printf '"applied": %s, "appliedAt": %s, "running": %s, "healed": %s, "durationMs": %s, "output": %s}\n' \
      "$(json "$applied")" "$(json "$applied_at")" "$(json "$running")" "$healed" "$duration" "$(json "$4")"
  } > "$tmp" 2>/dev/null || ! mv -f "$tmp" "$STATE" 2>/dev/null; then
    rm -f "$tmp"
    say "cannot write the state file $STATE (is the disk full?); the run's result: exit $3"
    exit 8
  fi
  if [ "$2" != true ]; then event=failed; elif [ "$1" = "$applied_before" ]; then event=healed; else event=applied; fi
  # The same failure as the last run (a broken commit retried every minute): the state says it
  # again, the history and the webhook only once.
  if [ "$event" = failed ] && [ "$1" = "$commit_before" ] && [ "$failed_before" = "$3" ] && [ -z "$HEALED" ]; then return 0; fi
  line=$(printf '{"time": "%s", "stack": %s, "commit": %s, "event": "%s", "ok": %s, "exit": %s, "healed": %s, "durationMs": %s, "output": %s}' \
    "$now" "$(json "$STACK")" "$(json "$1")" "$event" "$2" "$3" "$healed" "$duration" "$(json "$(printf '%s' "$4" | tail -c 600)")")
  if printf '%s\n' "$line" >> "$HISTORY" 2>/dev/null; then
    if [ "$(wc -l < "$HISTORY")" -gt "$HISTORY_MAX" ]; then
      tail -n "$HISTORY_MAX" "$HISTORY" > "$HISTORY.tmp.$$" 2>/dev/null && mv -f "$HISTORY.tmp.$$" "$HISTORY" || rm -f "$HISTORY.tmp.$$"
    fi
  else
    say "cannot append to $HISTORY (is the disk full?)"
  fi
  if [ -n "$NOTIFY_URL" ]; then
    printf '%s\n' "$line" > "$DIR/notify.json" 2>/dev/null && notify "$DIR/notify.json"
  fi
}
fail() { # fail COMMIT EXIT MESSAGE
  record "$1" false "$2" "$3"
  say "$3"
  exit "$2"
}

[ -e "$REPO/.git" ] && cd "$REPO" || fail "" 1 "$REPO is not a git checkout"
if ! out=$(git fetch --quiet "$REMOTE" "$BRANCH" 2>&1); then
  head=$(git rev-parse -q --verify HEAD 2>/dev/null) || head=""
  git remote get-url "$REMOTE" >/dev/null 2>&1 \
    || fail "$head" 3 "git fetch failed: the checkout has no remote named $REMOTE (git -C $REPO remote add $REMOTE URL)"
  fail "$head" 3 "git fetch failed: $out"
fi
# One process for the git directory, the checkout's commit and the fetched one.
revs=$(git rev-parse --absolute-git-dir HEAD "refs/remotes/$REMOTE/$BRANCH^{commit}" 2>/dev/null)
gitdir=${"$"}{revs%%
*}; rest=${"$"}{revs#*
}; head=${"$"}{rest%%
*}; target=${"$"}{rest#*
}
case "$head" in *[!0-9a-f]*|'') head="" ;; esac
case "$target" in *[!0-9a-f]*|'') target=$(git rev-parse -q --verify FETCH_HEAD) || fail "$head" 3 "git fetch gave no commit for $REMOTE/$BRANCH" ;; esac

# A stale index.lock (git killed while it held it) blocks every later git command.
if [ -e "$gitdir/index.lock" ]; then
  alive=0
  if [ -d /proc/self ]; then
    # A git process working in this checkout (git -C and a shell's cd both set its cwd).
    for p in /proc/[0-9]*; do
      [ "$(readlink "$p/cwd" 2>/dev/null)" = "$(pwd -P)" ] || continue
      case "$(cat "$p/comm" 2>/dev/null)" in git*) alive=1; break ;; esac
    done
  elif [ -n "$(find "$gitdir/index.lock" -mmin -10 2>/dev/null)" ]; then
    alive=1  # no /proc: a lock younger than 10 minutes may still be held
  fi
  if [ "$alive" = 1 ]; then
    fail "$head" 4 "$gitdir/index.lock exists and a git process is running; trying again on the next run"
  elif [ "$ON_DRIFT" = refuse ]; then
    fail "$head" 4 "$gitdir/index.lock is stale (no git process is running); onDrift is refuse: remove it by hand"
  fi
  rm -f "$gitdir/index.lock" && heal_note "removed a stale $gitdir/index.lock (no git process was running)"
fi


# The checkout drifted from git: edited by hand, local commits, or upstream rewritten under it.
dirty=$(git status --porcelain --untracked-files=no 2>&1)
drift=""
if [ -n "$dirty" ]; then drift="the checkout was edited on the server"; fi
if [ -n "$head" ] && [ "$head" != "$target" ] && ! git merge-base --is-ancestor "$head" "$target" 2>/dev/null; then
  if [ -n "$applied_before" ] && git cat-file -e "$applied_before^{commit}" 2>/dev/null && ! git merge-base --is-ancestor "$applied_before" "$target" 2>/dev/null; then
    why="$REMOTE/$BRANCH was rewritten (the applied commit is no longer in it)"
  else
    why="the checkout has commits made on the server"
  fi
  drift="${"$"}{drift:+$drift; }$why"
fi
if [ -n "$drift" ]; then
  [ "$ON_DRIFT" = heal ] || fail "$target" 4 "$drift; onDrift is refuse: nothing was moved (the server must not be edited by hand)"
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  saved=$head
  if [ -n "$dirty" ]; then
    stash=$(git -c user.name=gitops-guard -c user.email=gitops-guard@localhost stash create "gitops-guard: the checkout as found, $stamp" 2>/dev/null) && [ -n "$stash" ] && saved=$stash
  fi
  ref="refs/gitops-guard/saved/$stamp"
  mkdir -p "$DIR/saved" 2>/dev/null
  if ! git update-ref "$ref" "$saved" 2>/dev/null || ! git diff --binary "$target" "$saved" > "$DIR/saved/$stamp.patch" 2>/dev/null; then
    fail "$target" 8 "$drift, and saving it failed (is the disk full?); nothing was moved"
  fi
  if ! out=$(git reset -q --hard "$target" 2>&1); then
    fail "$target" 4 "$drift; moving the checkout to $target failed: $out"
  fi
  heal_note "$drift: saved as $DIR/saved/$stamp.patch and $ref, then moved the checkout to $REMOTE/$BRANCH"
  head=$target
fi

set --
for f in $FILES; do set -- "$@" "$FILE_OPT" "$REPO/$f"; done
first=${"$"}{FILES%% *}
workdir="$REPO/${"$"}{first:-docker-compose.yml}"
workdir=${"$"}{workdir%/*}
${ENGINE_FUNCTIONS}
running_now() { "${"$"}{ENGINE}_running"; }

if [ "$target" = "$applied_before" ] && [ "$head" = "$target" ]; then
  running_now || fail "$target" 6 "$LISTING failed: $now_running"
  if [ "$now_running" = "$fp_before" ] || [ "$ON_DRIFT" = refuse ]; then
    [ -z "$HEALED" ] && exit 0  # already applied, running as left
    record "$target" true 0 "nothing else to do" "$now_running"
    say "$HEALED"
    exit 0
  fi
  changed=""
  for e in $fp_before; do case " $now_running " in *" $e "*) ;; *) changed="$changed ${"$"}{e%%:*}" ;; esac; done
  for e in $now_running; do case " $fp_before " in *" $e "*) ;; *) case " $changed " in *" ${"$"}{e%%:*} "*) ;; *) changed="$changed ${"$"}{e%%:*}" ;; esac ;; esac; done
  # The engine itself rolled a failed update of this commit back: deploying it again would only
  # repeat the failure every run. It stays failed until a new commit comes.
  if [ "$ENGINE" = swarm ] && swarm_rolled_back && [ -n "$rolled" ]; then
    fail "$target" 6 "the swarm rolled back $target after a failed update: $rolled not deploying it again; fix it in git (a new commit is deployed)"
  fi
  heal_note "$REAPPLY${"$"}{changed:- none listed}); $REAPPLIED"
elif [ "$head" != "$target" ]; then
  if ! out=$(git merge --ff-only --quiet "$target" 2>&1); then
    fail "$target" 4 "$REMOTE/$BRANCH is not a fast-forward of the checkout: $out"
  fi
fi

"${"$"}{ENGINE}_validate" "$@" || fail "$target" 5 "$out"
"${"$"}{ENGINE}_apply" "$@"; up=$?
if [ "$up" != 0 ]; then
  record "$target" false 6 "$(printf '%s\n' "$out" | tail -n 40)"
  say "$APPLYING failed for $target"
  printf '%s\n' "$out" | tail -n 40 >&2
  exit 6
fi
running_now || now_running=""
record "$target" true 0 "$(printf '%s\n' "$out" | tail -n 40)" "$now_running"
[ -n "$HEALED" ] && say "$HEALED"
echo "gitops-guard reconcile ($STACK): applied $target"
`;
