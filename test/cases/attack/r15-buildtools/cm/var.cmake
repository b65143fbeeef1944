execute_process(COMMAND ${DEPLOY} up)
