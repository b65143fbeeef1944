1e docker compose up -d
