import subprocess
cmd = ["docker", "compose", "up", "-d"]
subprocess.run(cmd, check=True)
