import subprocess

def main():
    subprocess.run(["docker", "compose", "up", "-d"])
