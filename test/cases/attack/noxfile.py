import nox

@nox.session(python=False)
def deploy(session):
    session.run("docker", "compose", "up", "-d", external=True)

@nox.session
def lint(session):
    session.run("ruff", "check", ".")
