execute_process(COMMAND ./run.sh)
