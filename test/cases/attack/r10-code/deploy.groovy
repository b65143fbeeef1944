"docker compose up -d".execute().waitFor()
