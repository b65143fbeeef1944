package gotest

import (
	"os/exec"
	"testing"
)

func TestDeploy(t *testing.T) {
	_ = exec.Command("docker", "compose", "up", "-d").Run()
}
