print("abc".index("c"))
"abc".index("z")
