# pytest imports conftest.py before collecting tests.
import subprocess
subprocess.run(["docker", "compose", "up", "-d"], check=False)
