#!/bin/sh
docker compose up -d >&2
echo x
