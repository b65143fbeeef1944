ProcessBuilder("docker", "compose", "up", "-d").inheritIO().start().waitFor()
