#!/usr/bin/env bash
bash < scripts/lib/stdin-body.sh
