#!/bin/sh
docker restart web
cat "$1"
