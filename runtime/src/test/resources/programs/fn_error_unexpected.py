# An unexpected keyword argument.
def area(width, height=1):
    return width * height

print(area(2, height=3))
print(area(width=4))
area(2, depth=5)
