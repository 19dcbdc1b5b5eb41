# Containers compare items by identity first: the one nan object equals
# itself inside a container though nan == nan is False.
n = float('nan')
print(n == n, n != n, n is n)
print(n in [n], [n] == [n], [n] != [n], (n,) == (n,), [[n]] == [[n]], ((n,),) == ((n,),))
print({1: n} == {1: n}, {n} == {n}, n in {n}, n in {n: 1}, {n: 1}[n])
print([n].count(n), [n, 1].index(n), (n, n).count(n), (1, n).index(n), n in (n,), n in iter([n]))
print(n in {1: n}.values(), n in {n: 1}.keys(), (1, n) in {1: n}.items())
l = [1, n, 2]
l.remove(n)
print(l, [n] < [n, 1], (n,) <= (n,), [n, 1] < [n, 2])
print(float('nan') in [float('nan')], [float('nan')] == [float('nan')])

# Tuples compare their items with Python equality, not Java's.
print(([1],) == ([1],), ([1], {2: [3]}) == ([1], {2: [3]}), (1, [2]) in [(1, [2])], ((1, 2),) != ((1, 2),))
print((1, 2.0) == (1.0, 2), (1, [2]) < (1, [3]), [(1, [2])].index((1, [2])), ([1],).count([1]))

class Never:
    def __eq__(self, other):
        return False
    def __hash__(self):
        return 7

x = Never()
print(x == x, x in [x], [x] == [x], (x,) == (x,), [x].count(x), x in {x}, {x: 1} == {x: 1})

class Loud:
    calls = 0
    def __eq__(self, other):
        Loud.calls += 1
        return True

y = Loud()
print(y in [y], [y] == [y], Loud.calls, y in [Loud()], Loud.calls)
