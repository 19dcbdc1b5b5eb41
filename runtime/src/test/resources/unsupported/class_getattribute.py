class Proxy:
    def __getattribute__(self, name):
        return 1


print(Proxy().x)
