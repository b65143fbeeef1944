import base64, subprocess
data = base64.b64decode("aGVsbG8=").decode()
print(data)
subprocess.run(["git", "status"], check=True)
