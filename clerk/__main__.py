from clerk.launch import main

main()
