package main

import "testing"

func TestMain2(t *testing.T) { main() }
