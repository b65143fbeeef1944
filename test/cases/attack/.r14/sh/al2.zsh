alias g=./run.sh
g
