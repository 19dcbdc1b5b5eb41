n = 0
while n < 10:
    n += 1
    if n == 3:
        continue
    if n == 8:
        break
    print('n', n)
else:
    print('not reached')

for i in range(3):
    pass
else:
    print('for-else ran', i)

def classify(x):
    if x < 0:
        return 'negative'
    elif x == 0:
        return 'zero'
    elif x < 10:
        return 'small'
    else:
        return 'large'

for v in [-5, 0, 3, 42]:
    print(v, classify(v))

counter = 0
def bump():
    global counter
    counter += 1

for _ in range(5):
    bump()
print('counter', counter)

def nothing():
    return

print(nothing(), 1 if counter > 3 else 2)
