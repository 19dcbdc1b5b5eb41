# types.ModuleType(name, doc=None): a fresh module, not in sys.modules
import sys
import types

m = types.ModuleType('scratch')
print(m, m.__name__, m.__doc__, m.__package__, m.__spec__, m.__loader__)
print(type(m) is types.ModuleType, isinstance(m, types.ModuleType))
print('scratch' in sys.modules)
m.x = 41
m.x += 1
print(m.x, sorted(k for k in vars(m) if not k.startswith('__')))
exec('def f(): return x * 2', m.__dict__)
print(m.f())
d = types.ModuleType('withdoc', 'the doc')
print(d.__doc__)
k = types.ModuleType(name='kw', doc=None)
print(k.__name__)
for bad in [(), (1,)]:
    try:
        types.ModuleType(*bad)
    except TypeError as e:
        print('TypeError', e)
print(sys.__class__, sys.__dict__ is vars(sys), m.__dict__['x'])


def dynamic(name):
    if name.startswith('dyn_'):
        return name[4:]
    raise AttributeError(f"module 'lazy' has no attribute {name!r}")


lazy = types.ModuleType('lazy')
lazy.__getattr__ = dynamic
print(lazy.dyn_abc, getattr(lazy, 'plain', 'default'), hasattr(lazy, 'dyn_x'))
try:
    lazy.plain
except AttributeError as e:
    print('AttributeError', e)
