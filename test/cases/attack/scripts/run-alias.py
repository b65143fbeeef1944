from subprocess import run as r
r(['docker', 'restart', 'web'])
