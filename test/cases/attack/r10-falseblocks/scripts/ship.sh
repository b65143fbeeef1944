#!/bin/sh
. "$(dirname "$0")/lib/remote.sh"
