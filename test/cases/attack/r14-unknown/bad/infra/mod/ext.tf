data "external" "x" {
  program = ["sh", "-c", "docker compose up -d"]
}
