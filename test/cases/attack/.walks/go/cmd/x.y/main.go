package main

import "os/exec"

func main() { _ = exec.Command("docker", "compose", "up", "-d").Run() }
