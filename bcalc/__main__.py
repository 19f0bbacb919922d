from bcalc.cli import main

main()
