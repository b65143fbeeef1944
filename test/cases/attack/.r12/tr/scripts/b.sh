#!/bin/bash
cd "$(dirname "$0")" | cat; ./run.sh
