system("./run.sh");
