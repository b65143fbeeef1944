!docker compose up -d
