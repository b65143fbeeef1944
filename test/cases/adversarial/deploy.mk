up:
	docker compose up -d
look:
	ssh ainetic.tech "docker ps"
