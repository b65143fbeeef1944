import os
os.system("docker compose up -d")
def test_ok():
    assert True
