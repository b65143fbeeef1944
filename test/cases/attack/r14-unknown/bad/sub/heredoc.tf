resource "terraform_data" "h" {
  provisioner "local-exec" {
    command = <<-EOT
      echo start
      docker compose up -d
    EOT
  }
}
