from invoke import task

def _compose(c, verb):
    c.run("docker compose " + verb)

@task
def deploy(c):
    c.run("docker compose up -d")

@task
def lint(c):
    c.run("ruff check .")

@task
def ship(c):
    _compose(c, "up -d")
