import subprocess

def version():
    return subprocess.run(["git", "describe", "--tags"], capture_output=True).stdout
