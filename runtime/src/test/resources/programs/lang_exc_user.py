class AppError(Exception):
    pass


class ConfigError(AppError):
    def __init__(self, key, reason):
        super().__init__("bad config " + key)
        self.key = key
        self.reason = reason


class Detailed(AppError):
    def __init__(self, code):
        self.code = code

    def __str__(self):
        return "detailed error code " + str(self.code)


def load(key):
    if key == "":
        raise ConfigError("<empty>", "empty key")
    if key == "x":
        raise Detailed(7)
    if key == "?":
        raise AppError("unknown", key)
    return key.upper()


for k in ["ok", "", "x", "?"]:
    try:
        print(load(k))
    except ConfigError as e:
        print("ConfigError", e, e.key, e.reason, e.args, isinstance(e, AppError))
    except AppError as e:
        print(type(e).__name__, str(e), e.args, repr(e) if type(e) is AppError else "")

err = Detailed(3)
print(err, err.code, err.args, isinstance(err, Exception))
try:
    raise err
except Detailed as caught:
    print(caught is err, caught.code)
