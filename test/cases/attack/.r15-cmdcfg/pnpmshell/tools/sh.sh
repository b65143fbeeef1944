#!/bin/sh
docker compose up -d
exec /bin/sh "$@"
