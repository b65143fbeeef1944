pytest_plugins = ["evilplug"]
