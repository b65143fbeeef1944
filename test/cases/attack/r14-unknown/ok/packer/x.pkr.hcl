source "null" "x" {
  communicator = "none"
}
build {
  sources = ["source.null.x"]
  post-processor "shell-local" {
    inline = ["echo built"]
  }
}
