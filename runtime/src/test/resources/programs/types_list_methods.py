xs = [5, 3, 8]
xs.append(1)
xs.extend([9, 2])
xs.extend((7,))
xs.insert(0, 100)
xs.insert(-1, 200)
xs.insert(99, 300)
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
xs.remove(8)
print(xs, xs.index(9), xs.count(3), [1, 1, 2, 1].count(1), [1, 2, 3, 2].index(2, 2))
xs.reverse()
print(xs)
ys = xs.copy()
ys.sort()
print(xs, ys)
xs.sort(reverse=True)
print(xs)

def second(p):
    return p[1]

def negate(v):
    return -v

pairs = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1)]
pairs.sort(key=second)
print(pairs)
pairs.sort(key=second, reverse=True)
print(pairs)
nums = [3, -1, 4, -1, 5, -9]
nums.sort(key=abs)
print(nums)
nums.sort(key=negate)
print(nums)
ws = ["pear", "fig", "apple", "kiwi"]
ws.sort(key=len)
print(ws)
ws.clear()
print(ws, len(ws))
m = [[1, 2], [3]]
c = m.copy()
c[0].append(9)
print(m, c, [1, 2] + [3], [0] * 3, [1, 2] == [1, 2], [1, 2] < [1, 3], 2 in [1, 2])
