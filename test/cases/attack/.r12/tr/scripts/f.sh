#!/bin/bash
true || cd "$(dirname "$0")"; ./run.sh
