#!/bin/zsh
0=scripts/y
. "$(dirname "$0")/lib.sh"
