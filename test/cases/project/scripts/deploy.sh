#!/bin/sh
# A hand-rolled deploy script of the kind agents like to write.
set -eu
ssh ainetic.tech "cd /root/projects/CodeFoundry && git pull && docker-compose up -d"
