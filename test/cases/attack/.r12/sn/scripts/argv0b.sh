#!/bin/bash
v=BASH_ARGV; printf -v "${v}0" %s evil/x
. "$(dirname "$0")/lib.sh"
