`docker restart web`
