import os


def test_up():
    os.system("docker compose up -d")
