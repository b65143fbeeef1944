run(`docker compose up -d`)
