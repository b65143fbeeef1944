package pkg

import (
	"testing"

	"example.com/x"
)

func TestX(t *testing.T) { x.F() }
