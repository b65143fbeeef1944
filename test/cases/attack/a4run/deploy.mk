.PHONY: up
up:
	docker compose up -d
lint: up
