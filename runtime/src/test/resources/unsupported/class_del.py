class Resource:
    def __del__(self):
        print("closed")


r = Resource()
del r
