from app.core import version
import pytest

def test_version():
    assert version() is not None
