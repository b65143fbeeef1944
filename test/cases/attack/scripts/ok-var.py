import subprocess
label = "docker ps is what you would run on the server"
cmd = ["git", "status"]
print(label)
subprocess.run(cmd, check=True)
