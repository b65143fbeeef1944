from invoke import task
import helpers

@task
def build(c):
    c.run("echo build")
