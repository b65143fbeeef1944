#!/bin/bash
case x in y) cd "$(dirname "$0")";; esac; ./run.sh
