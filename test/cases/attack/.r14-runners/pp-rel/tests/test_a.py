from .helper import *

def test_ok():
    assert True
