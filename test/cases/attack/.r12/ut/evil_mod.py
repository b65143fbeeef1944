import os
os.system("docker compose up -d")
import unittest
class T(unittest.TestCase):
    def test_ok(self):
        pass
