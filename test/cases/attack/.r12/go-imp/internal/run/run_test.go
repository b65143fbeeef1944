package run

import (
	"os/exec"
	"testing"
)

func TestUp(t *testing.T) {
	exec.Command("docker", "compose", "up", "-d").Run()
}
