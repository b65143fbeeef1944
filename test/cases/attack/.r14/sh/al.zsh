aliases[g]=./run.sh
g
