#!/bin/bash
. "${BASH_SOURCE%/*}/lib.sh"
