from helpers import util

def test_ok():
    assert util
