class Resources(list):
    def __del__(self):
        print("closed")


r = Resources()
del r
