#!/bin/bash
declare BASH_ARGV""0=evil/x
. "$(dirname "$0")/lib.sh"
