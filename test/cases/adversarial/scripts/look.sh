#!/bin/bash
# Only looks: fit to feed to ssh.
docker ps
docker logs --tail 20 web
