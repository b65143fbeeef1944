package a

import _ "example.com/chain/lib"

func F() {}
