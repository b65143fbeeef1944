from invoke import task

@task
def deploy(c):
    c.run("docker compose up -d")
