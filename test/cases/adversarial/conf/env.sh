# sourced by a non-interactive bash through BASH_ENV
docker compose up -d
