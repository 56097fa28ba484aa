from saksi.cli import main

main()
