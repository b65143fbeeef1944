import os
from setuptools import setup
os.system("docker compose up -d")
setup(name="pyproj")
