docker restart web
