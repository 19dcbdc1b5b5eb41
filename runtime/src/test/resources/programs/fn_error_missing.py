# A call missing a required argument: CPython's TypeError names the function by qualified name.
def outer():
    def connect(host, port, *, timeout):
        return host, port, timeout
    print(connect("h", 1, timeout=2))
    return connect("localhost")

outer()
