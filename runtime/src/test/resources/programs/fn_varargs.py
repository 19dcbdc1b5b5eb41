# *args and **kwargs in definitions, in every combination.
def collect(*args):
    return args

print(collect(), collect(1), collect(1, "two", [3]))

def keywords(**kwargs):
    return kwargs

print(keywords(), keywords(a=1, b=2))

def everything(a, b=2, *args, c, d=4, **kwargs):
    return a, b, args, c, d, kwargs

print(everything(1, c=3))
print(everything(1, 2, 3, 4, c=5, e=6, f=7))
print(everything(b=1, a=0, c=2, z=9))

def total(*numbers, start=0):
    s = start
    for n in numbers:
        s += n
    return s

print(total(1, 2, 3), total(1, 2, 3, start=100))

def describe(first, *rest, sep=", ", **options):
    parts = [str(first)] + [str(r) for r in rest]
    text = sep.join(parts)
    for k in sorted(options):
        text += " " + k + "=" + str(options[k])
    return text

print(describe(1, 2, 3, sep="-", color="red", size=2))
