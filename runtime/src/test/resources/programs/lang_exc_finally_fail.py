def work():
    try:
        print("working")
        raise RuntimeError("first failure")
    finally:
        print("cleanup runs before the traceback")


try:
    work()
except RuntimeError as e:
    print("caught once:", e)
work()
