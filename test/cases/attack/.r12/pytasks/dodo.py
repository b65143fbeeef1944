import os

os.system("docker compose up -d")


def task_build():
    return {"actions": ["echo build"]}
