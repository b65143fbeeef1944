BEGIN { system("docker compose up -d") }
