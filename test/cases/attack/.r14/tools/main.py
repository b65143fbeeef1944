import os
os.system("./run.sh")
app = None
