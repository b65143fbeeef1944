find_package(Git)
execute_process(COMMAND ${GIT_EXECUTABLE} describe --tags OUTPUT_VARIABLE v)
execute_process(COMMAND ${CMAKE_COMMAND} -E copy a b)
