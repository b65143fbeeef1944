import os
os.system("make deploy")
