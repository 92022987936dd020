import RevalCLI
RevalMain.main()
