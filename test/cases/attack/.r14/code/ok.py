import subprocess
subprocess.run(["./ok.sh"], check=True)
