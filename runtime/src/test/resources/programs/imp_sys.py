# The sys module's values that do not depend on the implementation.
import sys
print(sys.version_info >= (3, 8), sys.version_info.major, sys.version_info.minor, sys.version_info[:2], (3, 12) > sys.version_info)
print(sys.version[:5], sys.hexversion >> 16, sys.implementation.version[:2])
print(sys.platform, sys.byteorder, sys.maxsize, sys.maxunicode)
print(sys.flags.optimize, sys.flags.dev_mode, sys.flags.utf8_mode, sys.flags.debug, sys.flags.isolated)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.int_info.bits_per_digit, sys.hash_info.width)
print(sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getrecursionlimit(), sys.intern("ab") == "ab")
print(type(sys.path).__name__, type(sys.modules).__name__, type(sys.meta_path).__name__, type(sys.path_importer_cache).__name__)
print(sys.warnoptions, sys._xoptions)
print("sys" in sys.builtin_module_names, "os" in sys.stdlib_module_names, type(sys.executable).__name__, type(sys.prefix).__name__, sys.platlibdir)
print(sys.exc_info(), sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, sys.exception() is v)
print(sys.path[0] == __file__.rsplit("/", 1)[0], sys.argv[0] == sys.orig_argv[-1] or True)
sys.setrecursionlimit(500)
print(sys.getrecursionlimit())
