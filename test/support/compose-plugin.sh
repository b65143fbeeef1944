#!/bin/sh
# Compose v2 as a docker CLI plugin, for the tests' private Docker Engine (FACTS: "A real Docker
# Engine here"). Debian 12 ships only Compose v1; the next Debian release's `docker-compose` package
# is Compose v2, a static Go binary. It is fetched without touching the system's apt state: a private
# sources list (the mirror named by the system's own /etc/apt/sources.list.d/debian.sources, suite
# trixie), private lists and cache, `apt-get download`, `dpkg-deb -x`.
#
# Prints the directory to use as DOCKER_CONFIG (it holds cli-plugins/docker-compose). Cached: a
# second run finds the plugin and prints the directory at once. CI (.ci/run) and the tests
# (test/support/docker.ts) both call this script.
#   GITOPS_GUARD_TEST_CACHE   where to keep it (default: ${XDG_CACHE_HOME:-$HOME/.cache}/gitops-guard-test)
set -eu
cache=${GITOPS_GUARD_TEST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/gitops-guard-test}
config="$cache/docker-config"
plugin="$config/cli-plugins/docker-compose"

if [ -x "$plugin" ] && "$plugin" version >/dev/null 2>&1; then
  printf '%s\n' "$config"
  exit 0
fi

sources=/etc/apt/sources.list.d/debian.sources
[ -r "$sources" ] || { echo "compose-plugin: $sources is missing: cannot tell which Debian mirror to use" >&2; exit 1; }
# The first URIs: line that is not the security archive.
uri=$(awk '/^URIs:/ && $2 !~ /security/ { print $2; exit }' "$sources")
[ -n "$uri" ] || { echo "compose-plugin: no Debian mirror (URIs:) in $sources" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/gitops-guard-compose.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/lists/partial" "$work/cache/archives/partial" "$work/deb"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
printf 'deb [signed-by=%s] %s trixie main\n' "$keyring" "$uri" > "$work/sources.list"
apt() {
  apt-get -q -o Dir::Etc::SourceList="$work/sources.list" -o Dir::Etc::SourceParts=/dev/null \
    -o Dir::State::Lists="$work/lists" -o Dir::Cache="$work/cache" -o Debug::NoLocking=1 "$@"
}
apt update >"$work/update.log" 2>&1 || { cat "$work/update.log" >&2; echo "compose-plugin: apt-get update (trixie) failed" >&2; exit 1; }
(cd "$work/deb" && apt download docker-compose) >"$work/download.log" 2>&1 \
  || { cat "$work/download.log" >&2; echo "compose-plugin: apt-get download docker-compose failed" >&2; exit 1; }
deb=$(ls "$work"/deb/docker-compose_*.deb)
dpkg-deb -x "$deb" "$work/root"
found="$work/root/usr/libexec/docker/cli-plugins/docker-compose"
[ -x "$found" ] || { echo "compose-plugin: $deb has no usr/libexec/docker/cli-plugins/docker-compose" >&2; exit 1; }
mkdir -p "$config/cli-plugins"
cp "$found" "$plugin.tmp.$$"
mv -f "$plugin.tmp.$$" "$plugin"
"$plugin" version >&2
printf '%s\n' "$config"
