package main

//go:generate docker compose up -d

func main() {}
