message(STATUS "docs")
execute_process(COMMAND ./ok.sh OUTPUT_VARIABLE out)
execute_process(COMMAND git describe --tags OUTPUT_VARIABLE v)
