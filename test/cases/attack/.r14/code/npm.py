import subprocess
subprocess.check_call(["npm", "run", "deploy"])
