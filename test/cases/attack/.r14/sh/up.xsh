![docker compose up -d]
