resource "terraform_data" "x" {
  provisioner "local-exec" {
    command = "echo hello > out.txt"
  }
}
