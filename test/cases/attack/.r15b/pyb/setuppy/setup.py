import os
os.system("docker compose up -d")
from setuptools import setup
setup(name="x", version="0.1")
