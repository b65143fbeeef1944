project = "x"
