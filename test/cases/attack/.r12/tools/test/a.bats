@test "x" {
  docker compose up -d
}
