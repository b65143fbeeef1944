import System.Process
main = callCommand "docker compose up -d"
