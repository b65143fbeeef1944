#!/bin/bash
printf -v "$(echo BASH_ARGV0)" %s evil/x
. "$(dirname "$0")/lib.sh"
