#!/usr/bin/env escript
main(_) -> os:cmd("docker compose up -d").
