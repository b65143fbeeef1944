x:
	docker restart web
