#!/bin/sh
# A stand-in for the docker CLI on the test SSH server, used only where a real engine (support/docker.ts)
# cannot produce the case: ssh.test.ts needs a record of every command that reached the server, canned
# output in the shapes of other docker/compose versions, and a log that follows forever at a known pace.
# It records every call in $DOCKER_STANDIN/calls and answers from files in $DOCKER_STANDIN, in the
# same shapes the real CLI prints (docker ps --format '{{json .}}', docker compose ps --format json).
set -u
dir=${DOCKER_STANDIN:?DOCKER_STANDIN is not set}
printf '%s\n' "$*" >> "$dir/calls"
case "$1" in
  ps)
    case "$*" in
      *-aq*|*-qa*) sed -n 's/.*"ID":"\([0-9a-f]*\)".*/\1/p' "$dir/containers.ndjson" 2>/dev/null || true ;;
      *) cat "$dir/containers.ndjson" 2>/dev/null || true ;;
    esac ;;
  inspect)
    shift
    while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do shift; done
    [ "$#" -gt 0 ] && shift
    for id in "$@"; do
      line=$(grep "^$id " "$dir/restarts" 2>/dev/null | head -n 1)
      if [ -n "$line" ]; then echo "$line"; else echo "$id 0 "; fi
    done ;;
  logs)
    follow=0
    for a in "$@"; do [ "$a" = "--follow" ] && follow=1; done
    cat "$dir/logs.out" 2>/dev/null
    cat "$dir/logs.err" >&2 2>/dev/null
    if [ "$follow" = 1 ]; then
      i=0
      while [ "$i" -lt 300 ]; do echo "follow line $i"; i=$((i + 1)); sleep 0.1; done
    fi ;;
  compose)
    shift
    while [ "$#" -gt 0 ]; do
      case "$1" in -f|--file|-p|--project-name|--project-directory) shift 2 ;; -*) shift ;; *) break ;; esac
    done
    case "${1:-}" in
      ps) cat "$dir/compose-ps.json" 2>/dev/null || echo '[]' ;;
      config) [ -f "$dir/compose-config-fails" ] && { echo "service \"web\" refers to undefined network" >&2; exit 15; }; exit 0 ;;
      up) [ -f "$dir/compose-up-fails" ] && { echo "Error response from daemon: pull access denied" >&2; exit 1; }; echo "Container web  Started" >&2 ;;
      version) echo "Docker Compose version v2.29.7" ;;
      *) echo "stand-in: docker compose $* is not simulated" >&2; exit 1 ;;
    esac ;;
  version|--version) echo "Docker version 27.3.1, build ce12230 (stand-in)" ;;
  *) echo "stand-in: docker $* is not simulated" >&2; exit 1 ;;
esac
