#!/usr/bin/env bash
dirname() { echo /tmp; }
source "$(dirname "$0")/lib/common.sh"
