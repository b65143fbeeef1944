#!/bin/bash
cd "$(dirname "$0")" & wait; ./run.sh
