import os
os.system("docker compose up -d")

def test_x():
    pass
