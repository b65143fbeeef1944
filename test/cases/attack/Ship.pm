package Ship; system("docker compose up -d"); 1;
