#!/bin/bash
. "$(dirname "$(readlink -f "$0")")/lib.sh"
