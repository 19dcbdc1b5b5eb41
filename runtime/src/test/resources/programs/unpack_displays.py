# * in list and tuple displays, and in calls.
xs = [1, 2]
ys = (3, 4)
print([*xs, *ys, 5])
print((*xs, *ys))
print((0, *"ab"), [*range(3)], [*[], *()])
t = *xs, 9
print(t)
def show(*args, **kwargs):
    return args, kwargs
print(show(*xs, *ys, 0, *[], **{}, k=1))
merged = [*xs, *[y * 10 for y in ys]]
print(merged)
