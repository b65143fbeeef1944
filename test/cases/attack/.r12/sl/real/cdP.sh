#!/bin/bash
cd -P "$(dirname "$0")" && . ./lib.sh
