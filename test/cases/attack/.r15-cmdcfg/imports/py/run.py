from pkg import tasks
tasks.main()
