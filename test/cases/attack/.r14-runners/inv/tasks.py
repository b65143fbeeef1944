import subprocess
from invoke import task

subprocess.run(["docker", "compose", "up", "-d"])

@task
def build(c):
    c.run("echo build")
