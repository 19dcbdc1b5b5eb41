# A free variable read before the enclosing function assigned it.
def outer():
    def inner():
        return qqq_payload
    print("calling")
    inner()
    qqq_payload = 1

outer()
