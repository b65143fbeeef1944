package pkg

import (
	"testing"

	"example.com/chain/a"
)

func TestA(t *testing.T) { a.F() }
