package pkg

import (
	"testing"

	_ "example.com/app/lib"
)

func TestOK(t *testing.T) {}
