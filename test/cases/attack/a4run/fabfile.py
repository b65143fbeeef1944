from fabric import task

@task
def deploy(c):
    c.run("docker compose -f server/docker-compose.yml up -d")
