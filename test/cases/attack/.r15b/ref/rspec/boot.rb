system("docker compose up -d")
