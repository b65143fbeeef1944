#!/bin/bash
BASH_ARGV0=scripts/x
. "$(dirname "$0")/lib.sh"
