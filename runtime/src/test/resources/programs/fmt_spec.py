# The format-spec mini-language through format().
for v in [0, 7, -7, 255, 1234567, 2**64]:
    print(format(v, "d"), format(v, ">10"), format(v, "x"), format(v, "#o"), format(v, ","), format(v, "+"))
for v in [0.0, 1.0, -2.5, 3.14159, 1e-5, 123456789.123, 1e300, float("inf"), float("-inf")]:
    print(format(v, ""), format(v, ".3f"), format(v, "e"), format(v, ".4g"), format(v, "10.2%"), format(v, "g"))
print(format("abc", ">6"), format("abc", "<6") + "|", format("abc", "^6"), format("abc", ".1"))
print(format(True), format(True, "d"), format(None), format(3, "c" if False else "b"))
print(format(0.1, ".20f"), format(2.675, ".2f"), format(0.125, ".2f"), format(0.375, ".2f"))
print(format(1234.5, "010,.1f"), format(-3, "=+8"), format(42, "0=8"), format(7, " "))
print(format(12.0, "n"), format(1e16, ""), format(123.456, ".0f"), format(99.5, ".0f"))
