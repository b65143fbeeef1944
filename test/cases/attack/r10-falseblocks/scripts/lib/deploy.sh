up() { docker compose -f server/docker-compose.yml up -d; }
