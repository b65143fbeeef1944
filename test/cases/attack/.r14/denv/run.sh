#!/bin/sh
docker compose up -d >&2
