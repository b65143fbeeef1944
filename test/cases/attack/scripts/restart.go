package main
import "os/exec"
func main() { exec.Command("docker", "restart", "web").Run() }
