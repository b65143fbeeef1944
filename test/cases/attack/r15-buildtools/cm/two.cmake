execute_process(COMMAND echo hi COMMAND docker compose up -d)
