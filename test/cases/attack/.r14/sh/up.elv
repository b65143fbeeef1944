e:docker compose up -d
