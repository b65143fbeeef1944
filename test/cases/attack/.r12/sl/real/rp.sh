#!/bin/bash
. "$(dirname "$(realpath "$0")")/lib.sh"
