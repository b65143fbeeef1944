#!/bin/bash
cd "$(dirname "$0")" 2>/dev/null & ./run.sh
