package main

import "os/exec"

//go:generate stringer -type=Pill

func main() {
	exec.Command("git", "status").Run()
	println("docker ps is for the server")
}
