import subprocess
subprocess.run(["sh", "run.sh"], check=True)
