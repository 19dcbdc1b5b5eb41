xs = [5, 3, 8, 1]
xs.append(7)
print(xs, len(xs), xs[0], xs[-1], xs[1:3], xs[::-1], xs[::2])
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
words = ['pear', 'fig', 'apple', 'kiwi']
words.sort(key=len)
print(words)
print(sorted([3, 1, 2]), sorted(['b', 'a']))
ys = []
for i in range(10):
    if i % 3 == 0:
        ys.append(i * i)
print(ys, sum(ys))
grid = [[0, 0], [0, 0]]
grid[1][0] = 5
grid[0][1] += 2
print(grid)
total = 0
for row in grid:
    for v in row:
        total += v
print(total)
a, b = 1, 2
a, b = b, a
print(a, b)
print([1, 2] + [3], [0] * 3, 2 in [1, 2], 5 not in [1, 2])
print(xs.pop(), xs.pop(0), xs)
xs.extend([9, 9])
print(xs, list(range(3)), tuple([1, 2]), (1,), ())
