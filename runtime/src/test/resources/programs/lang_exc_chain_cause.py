class StorageError(Exception):
    pass


def read(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise StorageError("no such key: " + key) from e


print(read("a"))
read("b")
