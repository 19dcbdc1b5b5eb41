# Set displays with * unpacking (sets are real since the types branch), and their errors.
print({1, *[2, 3], *"ab"} == {1, 2, 3, "a", "b"}, {*range(3)}, {*()} if False else {*[], 0})
try:
    {*[[1]]}
except TypeError as e:
    print("TypeError:", e)
try:
    {*5}
except TypeError as e:
    print("TypeError:", e)
