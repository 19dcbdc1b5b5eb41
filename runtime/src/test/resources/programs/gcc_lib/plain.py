# A module in no cycle but its functions' (their globals are its namespace).
def hello():
    return "hello from " + __name__
class Marker:
    def __del__(self):
        print("Marker.__del__")
marker = Marker()
