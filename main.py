from photoarchive.__main__ import main

main()
