NAME = "docker restart web"
