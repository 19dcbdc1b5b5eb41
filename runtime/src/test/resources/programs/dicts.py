d = {'a': 1, 'b': 2}
d['c'] = 3
d['a'] = 10
print(d, len(d), d['b'], d.get('z'), d.get('z', 0), 'c' in d)
for k in d:
    print(k, d[k])
counts = {}
for w in ['x', 'y', 'x', 'z', 'x']:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print({1: 'one', 1.0: 'float one', True: 'true'})
