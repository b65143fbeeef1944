// The engine-specific part of the reconciler script (reconciler.ts includes it): how the server
// lists what runs (the fingerprint drift healing compares), validates the files and applies them,
// for Docker Compose (`docker compose up`) and Docker Swarm (`docker stack deploy --prune`).
// Each engine ENGINE defines ENGINE_running, ENGINE_validate and ENGINE_apply; they take the file
// options ("$@": `-f FILE…` for compose, `-c FILE…` for swarm) and set now_running or out.
// docs/reconciler.md and docs/swarm.md describe them for people.

/** What each server-side engine runs to validate and to apply (the script's APPLYING), for deploy's advice. */
export const ENGINE_COMMANDS: Readonly<Record<'gitops-guard' | 'swarm', { readonly validate: string; readonly apply: string }>> = {
  'gitops-guard': { validate: 'docker compose config', apply: 'docker compose up' },
  swarm: { validate: 'docker stack config', apply: 'docker stack deploy' },
};

export const ENGINE_FUNCTIONS = String.raw`
compose_running() { # now_running= the stack's containers as name:id:state words (docker's order: newest first)
  list=$(docker ps -a --filter "label=com.docker.compose.project.working_dir=$workdir" --filter 'label=com.docker.compose.oneoff=False' \
    --format '{{.Names}}:{{.ID}}:{{.State}}' 2>&1) || { now_running=$list; return 1; }
  set -f; set -- $list; set +f
  now_running="$*"
}
compose_validate() {
  out=$(docker compose "$@" config -q 2>&1) || { out="docker compose config: $out"; return 1; }
}
compose_apply() {
  # shellcheck disable=SC2086 # UP_ARGS is a list of words
  out=$(docker compose "$@" up $UP_ARGS 2>&1); up=$?
  # An up killed while it recreated a container leaves a container named ID_NAME behind, and the next
  # up fails on that name (compose may even remove it and collide again): remove such leftovers, as
  # compose would have, and try again, twice at most.
  tries=0
  while [ "$up" != 0 ] && [ "$tries" -lt 2 ]; do
    case "$out" in *"is already in use by container"*) ;; *) break ;; esac
    tries=$((tries + 1))
    left=$(docker ps -a --filter "label=com.docker.compose.project.working_dir=$workdir" --format '{{.Names}}' | grep -E '^[0-9a-f]{12}_' || true)
    # shellcheck disable=SC2086 # one name a word
    [ -z "$left" ] || docker rm -f $left >/dev/null 2>&1 || true
    heal_note "compose up failed on a container left behind by an interrupted up${"$"}{left:+ (removed: $(printf '%s' "$left" | tr '\n' ' '))}; tried again"
    # shellcheck disable=SC2086
    out=$(docker compose "$@" up $UP_ARGS 2>&1); up=$?
  done
  return "$up"
}

swarm_ids() { # ids= the stack's services (by the label stack deploy puts on them)
  ids=$(docker service ls -q --filter "label=com.docker.stack.namespace=$STACK" 2>&1) || { now_running=$ids; return 1; }
}
swarm_running() { # now_running= the stack's services as name:checksum-of-spec words, by name
  swarm_ids || return 1
  [ -n "$ids" ] || { now_running=""; return 0; }
  # The spec only: status, versions and update progress change by themselves, the spec by a person
  # (scale, update, rollback, rm) or by the engine rolling a failed update back.
  # shellcheck disable=SC2086 # one id a word
  specs=$(docker service inspect --format '{{.Spec.Name}} {{json .Spec}}' $ids 2>&1) || { now_running=$specs; return 1; }
  list=$(printf '%s\n' "$specs" | sort | while IFS=' ' read -r name spec; do
    set -- $(printf '%s' "$spec" | cksum)
    printf '%s:%s.%s\n' "$name" "$1" "$2"
  done)
  set -f; set -- $list; set +f
  now_running="$*"
}
swarm_rolled_back() { # rolled= the services the engine rolled back after a failed update, with its message
  # shellcheck disable=SC2086 # one id a word
  rolled=$(docker service inspect --format '{{.Spec.Name}}{{if .UpdateStatus}} {{.UpdateStatus.State}}: {{.UpdateStatus.Message}}{{end}}' $ids 2>/dev/null \
    | grep ' rollback_' | tr '\n' ';')
}
swarm_validate() {
  # docker stack config (CLI 25+) renders the files as stack deploy reads them. Older CLIs lack it;
  # then stack deploy's own check (before it changes anything) is the validation.
  docker stack --help 2>/dev/null | grep -q '^ *config ' || return 0
  out=$(docker stack config "$@" 2>&1 >/dev/null) || { out="docker stack config: $out"; return 1; }
}
swarm_apply() {
  case "$STACK" in *.*) out="a swarm stack name cannot contain '.' (it is part of every service's DNS name): set stack in gitops-guard.json"; return 1 ;; esac
  # shellcheck disable=SC2086 # STACK_ARGS is a list of words
  out=$(cd "$workdir" && docker stack deploy $STACK_ARGS "$@" "$STACK" 2>&1)
}
`;
