# str.format: automatic, numbered and named fields, attribute and index access, nested specs.
print("{} and {}".format("a", "b"))
print("{1} {0} {1}".format("x", "y"))
print("{name} is {age} years".format(name="Ann", age=30))
print("{0[1]} {1[key]}".format([10, 20], {"key": "value"}))
print("{:>8}|{:<8}|{:^8}".format("r", "l", "c"))
print("{:{}.{}f}".format(3.14159, 10, 3))
print("{!r} {!s}".format("q", "q"))
print("{{}} {}".format("braces"))
print("{0:,} {0:x} {0:b}".format(1000))
row = "{:<6}{:>6}"
for k, v in [("one", 1), ("two", 22)]:
    print(row.format(k, v))
