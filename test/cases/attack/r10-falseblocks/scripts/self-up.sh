#!/usr/bin/env bash
source "${0%/*}/lib/remote.sh"
