os.execute("docker compose up -d")
