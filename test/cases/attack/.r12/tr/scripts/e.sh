#!/bin/bash
if false; then cd "$(dirname "$0")"; fi; ./run.sh
