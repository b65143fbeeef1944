System.cmd("docker", ["compose", "up", "-d"])
