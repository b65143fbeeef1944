#!/bin/bash
declare BASH_A""RGV0=evil/x
. "$(dirname "$0")/lib.sh"
