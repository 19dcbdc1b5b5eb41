# itertools written in Java: every iterator of the module, in CPython's order, with its errors.
import itertools
from itertools import (accumulate, chain, combinations, combinations_with_replacement, compress, count, cycle,
                       dropwhile, filterfalse, groupby, islice, pairwise, permutations, product, repeat, starmap,
                       takewhile, tee, zip_longest)

c = count(5)
print(next(c), next(c), c, count(1.5, 0.5), count(0, 2))
print(list(islice(count(10, -3), 4)), list(islice(cycle("ab"), 5)), list(cycle([])))
r = repeat("x", 3)
print(r, list(r), r, repeat(7), list(repeat(1, -2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([3, 1, 4], max)), list(accumulate([1, 2], initial=10)),
      list(accumulate([])))
print(list(chain("ab", [1, 2], ())), list(chain.from_iterable(["xy", "z"])), list(chain()))
print(list(compress("abcdef", [1, 0, 1, 0, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])),
      list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(filterfalse(lambda x: x % 2, range(6))),
      list(filterfalse(None, [0, 1, "", "a"])))
print([(k, list(g)) for k, g in groupby("aaabccdd")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([k for k, g in groupby("aabbc")])
groups = list(groupby("aabb"))
print([(k, list(g)) for k, g in groups])
print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 1, None, 2)),
      list(islice("abc", None)), list(islice("abcdefg", 0, 6, 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
print(list(pairwise("abcd")), list(pairwise("a")), list(starmap(pow, [(2, 3), (3, 2)])))
a, b = tee(iter([1, 2, 3]))
print(next(a), list(b), list(a), len(tee("x", 3)), tee("x", 0))
print(list(zip_longest("ab", "xyz", fillvalue="-")), list(zip_longest()), list(zip_longest([1], [])))
print(list(product("ab", range(2))), list(product([1, 2], repeat=2)), list(product()), list(product("ab", [])))
print(list(permutations("abc", 2)), list(permutations(range(3))), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(3), 0)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("abc", 2)), list(combinations_with_replacement("", 1)))
print(type(c).__name__, type(chain()).__name__, itertools.islice.__name__)
for bad in (lambda: islice("a", -1), lambda: islice("a", 0, 1, 0), lambda: islice("a", "x"), lambda: count("a"),
            lambda: permutations("a", -1), lambda: combinations("a", -1), lambda: product("a", repeat=-1),
            lambda: tee("a", -1), lambda: chain(1), lambda: list(chain([1], 2))):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
