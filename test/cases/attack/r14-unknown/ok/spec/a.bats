@test "x" {
  run echo hi
}
