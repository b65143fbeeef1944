setup() {
  docker compose up -d
}

@test "x" {
  true
}
