#!/usr/bin/env bash
source "${0%/*}/lib/common.sh"
log hi
