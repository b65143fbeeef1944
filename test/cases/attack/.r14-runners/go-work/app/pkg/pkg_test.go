package pkg

import (
	"testing"

	_ "example.com/wlib"
)

func TestOK(t *testing.T) {}
