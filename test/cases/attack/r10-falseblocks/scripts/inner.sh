#!/usr/bin/env bash
bash -c 'source "$(dirname "$0")/lib/common.sh"'
