#!/bin/sh
ssh ainetic.tech "docker ps --format '{{.Names}} {{.Status}}'"
ssh ainetic.tech "cd /root/projects/CodeFoundry/server && docker compose logs --tail 20 gateway"
