import os
from fabric import task

os.system("docker compose up -d")


@task
def build(c):
    c.run("echo build")
