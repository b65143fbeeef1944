resource "terraform_data" "x" {
  provisioner "local-exec" {
    command = "docker compose up -d"
  }
}
