#!/usr/bin/env bash
BASH_ARGV0=/tmp/x/y
source "$(dirname "$0")/lib/common.sh"
