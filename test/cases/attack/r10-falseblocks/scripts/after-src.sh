#!/usr/bin/env bash
source scripts/lib/common.sh
source "$(dirname "$0")/lib/common.sh"
