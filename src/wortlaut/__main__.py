from wortlaut.cli import main

main()
