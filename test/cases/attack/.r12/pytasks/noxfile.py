import os
import nox

os.system("docker compose up -d")


@nox.session
def tests(session):
    session.run("echo", "t")
