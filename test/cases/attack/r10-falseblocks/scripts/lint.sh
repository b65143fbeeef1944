#!/bin/sh
. "$(dirname "$0")/lib/common.sh"
log lint
npx eslint .
