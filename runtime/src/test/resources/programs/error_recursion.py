def down(n):
    return down(n + 1)

print('deep')
down(0)
