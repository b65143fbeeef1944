//go:build mage

package main

import "github.com/magefile/mage/sh"

// Deploy starts the stack.
func Deploy() error { return sh.Run("docker", "compose", "up", "-d") }
