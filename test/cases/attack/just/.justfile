deploy:
    docker compose up -d
