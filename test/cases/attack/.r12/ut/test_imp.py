import evil_helper
import unittest
class T(unittest.TestCase):
    def test_ok(self):
        pass
