# Class keyword arguments passed to __init_subclass__ (through super() chains), metaclass=type.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls

class Alpha(Plugin, name="alpha-x"):
    pass

class Beta(Plugin):
    pass

class Gamma(Alpha, metaclass=type, name="g"):
    pass

print(sorted(Plugin.registry), Alpha.plugin_name, Beta.plugin_name, Gamma.plugin_name)
try:
    class Bad(Beta, color="red"):
        pass
except TypeError as e:
    print("TypeError:", e)
