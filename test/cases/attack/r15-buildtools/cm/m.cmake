execute_process(
  COMMAND docker compose up -d
  WORKING_DIRECTORY .
)
