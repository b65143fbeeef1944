#!/bin/zsh
0=evil/x
. "$(dirname "$0")/lib.sh"
