import os
os.system("./run.sh")
