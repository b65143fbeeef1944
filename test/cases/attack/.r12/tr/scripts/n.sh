#!/bin/bash
pushd "$(dirname "$0")" >/dev/null; popd >/dev/null; ./run.sh
