exec docker compose up -d
