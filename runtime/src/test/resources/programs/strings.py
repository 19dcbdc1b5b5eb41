s = 'hello'
t = s + ', ' + 'world'
print(t, len(t), t[0], t[-1], t[7:], t[:5], t[::-1])
print('ab' * 3, 'x' in 'xyz', 'q' in 'xyz')
print(repr('it\'s'), repr("say \"hi\""), ['a', "b'c"])
print(str(42) + str(1.5) + str(None) + str(True))
print('-'.join(['a', 'b', 'c']), 'MiXeD'.lower(), 'MiXeD'.upper())
print('a' < 'b', 'abc' == 'abc', 'tab\there')
for ch in 'abc':
    print(ch, end=' ')
print()
print('sep', 'test', sep='|')
