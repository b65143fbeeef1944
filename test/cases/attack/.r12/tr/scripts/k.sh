#!/bin/bash
while false; do cd "$(dirname "$0")"; done; ./run.sh
