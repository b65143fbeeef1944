#!/bin/zsh
f() { . "$(dirname "$0")/lib.sh" }
f
