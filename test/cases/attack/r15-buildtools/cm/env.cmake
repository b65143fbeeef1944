execute_process(COMMAND ${CMAKE_COMMAND} -E env X=1 docker compose up -d)
