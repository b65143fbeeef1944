package Pre; system("docker compose up -d"); 1;
