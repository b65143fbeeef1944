#!/bin/bash
cd "$(dirname "$0")/nonexist"; ./run.sh
