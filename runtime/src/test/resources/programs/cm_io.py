# _io written in Java: StringIO, BytesIO, open() for text and binary files (universal newlines,
# tell/seek, context manager, errors with CPython's messages).
import io
import _io

P = "/tmp/gilectomy_cm_io.txt"

s = io.StringIO()
print(s.write("hello\n"), s.write("wörld\r\n"), s.write("x"))
print(repr(s.getvalue()), s.tell())
s.seek(0)
print(repr(s.readline()), repr(s.readline()), repr(s.readline()), repr(s.readline()))
s.seek(0)
print([line for line in s])
s.seek(2)
print(repr(s.read(3)), s.tell(), repr(s.read()))
print(s.truncate(4), repr(s.getvalue()))
print(io.StringIO("a\r\nb\rc\n", newline=None).getvalue().encode())
print(io.StringIO("a\r\nb\rc\n", newline="").readlines())
print(io.StringIO("a\nb", newline="\r\n").getvalue().encode())
s.close()
print(s.closed)
for bad in (lambda: s.read(), lambda: io.StringIO(3), lambda: io.StringIO().write(b"x"),
            lambda: io.StringIO().seek(-1), lambda: io.StringIO().seek(1, 1), lambda: io.StringIO(newline="x")):
    try:
        bad()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)

b = io.BytesIO(b"abc\ndef")
print(b.read(2), b.readline(), b.read(), b.tell())
b.seek(-2, 2)
print(b.read(), b.seek(10), b.write(b"z"), b.getvalue())
print(io.BytesIO().getvalue(), type(b) is _io.BytesIO, io.StringIO.__name__)
for bad in (lambda: b.write("x"), lambda: io.BytesIO("x"), lambda: b.seek(-1)):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

with open(P, "w") as f:
    print(f.name, f.mode, f.closed, f.encoding)
    print(f.write("one\ntwo\r\nthree\rfour"), f.writelines(["\n", "é5\n"]))
    print(f.tell())
print(f.closed)
with open(P) as f:
    print(f.readline(), f.tell(), repr(f.read(4)), f.tell())
    print(f.readlines())
with open(P, newline="") as f:
    print([line for line in f])
with open(P, "rb") as f:
    data = f.read()
    print(data, len(data))
    f.seek(4)
    print(f.readline(), f.tell(), f.read(3))
with open(P, "a") as f:
    f.write("tail\n")
with open(P, "r+") as f:
    print(f.read(3))
    f.seek(0)
    f.write("ONE")
    f.seek(0, 2)
    print(f.tell())
with open(P, encoding="utf-8") as f:
    print(f.read().splitlines())
with open(P, "wb") as f:
    print(f.write(b"\x00\xff bin\n"), f.tell())
with open(P, "rb") as f:
    print(list(f), f.read())
with open(P, "w+b") as f:
    f.write(b"0123456789")
    f.seek(3)
    print(f.read(2), f.seek(-2, 2), f.read())
print(open(P).read() == "0123456789")

f = open(P)
f.close()
for op in (f.read, f.readline, f.tell, lambda: f.write("x"), lambda: next(f)):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
f = open(P, "rb")
f.close()
for op in (f.read, f.readline, f.tell, f.flush):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)
with open(P, "w") as f:
    try:
        f.read()
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
with open(P, "rb") as f:
    try:
        f.write(b"x")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
    try:
        f.write("x")
    except io.UnsupportedOperation as e:
        print("UnsupportedOperation", e)
for args in (("/nonexistent/cm_io_missing.txt",), ("/tmp",), (P, "x"), (P, "q"), (P, "rw"), (P, "rbt"),
             (P, "rb", -1, "utf-8"), (3.5,)):
    try:
        open(*args)
    except FileNotFoundError as e:
        print("FileNotFoundError", e)
    except IsADirectoryError as e:
        print("IsADirectoryError", e)
    except FileExistsError as e:
        print("FileExistsError", e)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    open(P, newline="x")
except ValueError as e:
    print(e)
try:
    open(P, encoding="nope")
except LookupError as e:
    print(e)
