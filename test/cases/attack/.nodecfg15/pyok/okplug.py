class Checker:
    name = "ok"
    version = "1"
    def __init__(self, tree): pass
    def run(self): return iter(())
