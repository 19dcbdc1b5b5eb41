# A stand-in for the pyperf package, written for gilectomy's `pyperformance` command: the
# benchmark's own code runs unchanged, each benchmark function once, timed with a plain clock.
# stdout gets one deterministic line per benchmark (its name), so that the output of this
# runtime and of python3 can be compared byte for byte; the time goes to stderr as
# "GILECTOMY-TIME name seconds". No worker processes, no calibration, no statistics: that is
# what the harness around it does.
import sys
import time

perf_counter = time.perf_counter


def python_implementation():
    return sys.implementation.name


class _Namespace:
    def __repr__(self):
        return "Namespace(%s)" % ", ".join("%s=%r" % kv for kv in sorted(vars(self).items()))


class _Argument:
    def __init__(self, names, options):
        self.positional = not names[0].startswith("-")
        self.flags = [n for n in names if n.startswith("-")]
        if "dest" in options:
            self.dest = options["dest"]
        elif self.positional:
            self.dest = names[0]
        else:
            longest = max(self.flags, key=len)
            self.dest = longest.lstrip("-").replace("-", "_")
        self.action = options.get("action", "store")
        default = options.get("default")
        if default is None and self.action == "store_true":
            default = False
        if default is None and self.action == "store_false":
            default = True
        self.default = default
        self.convert = options.get("type")
        self.nargs = options.get("nargs")

    def value(self, text):
        return self.convert(text) if self.convert is not None else text


class _ArgumentParser:
    """The part of argparse that benchmarks use on runner.argparser."""

    def __init__(self):
        self.arguments = []

    def add_argument(self, *names, **options):
        self.arguments.append(_Argument(names, options))

    def add_argument_group(self, *args, **kwargs):
        return self

    def add_mutually_exclusive_group(self, *args, **kwargs):
        return self

    def set_defaults(self, **kwargs):
        for name, value in kwargs.items():
            self.arguments.append(_Argument(["--" + name], {"dest": name, "default": value}))

    def parse(self, argv):
        ns = _Namespace()
        for a in self.arguments:
            setattr(ns, a.dest, a.default)
        positional = [a for a in self.arguments if a.positional]
        by_flag = {}
        for a in self.arguments:
            for f in a.flags:
                by_flag[f] = a
        i = 0
        while i < len(argv):
            word = argv[i]
            if word in by_flag:
                a = by_flag[word]
                if a.action == "store_true":
                    setattr(ns, a.dest, True)
                elif a.action == "store_false":
                    setattr(ns, a.dest, False)
                else:
                    i += 1
                    setattr(ns, a.dest, a.value(argv[i]))
            elif positional:
                a = positional.pop(0)
                if a.nargs in ("*", "+"):
                    setattr(ns, a.dest, [a.value(w) for w in argv[i:]])
                    break
                setattr(ns, a.dest, a.value(word))
            i += 1
        return ns


class Runner:
    def __init__(self, *args, **kwargs):
        self.metadata = {}
        self.argparser = _ArgumentParser()
        self.args = None

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse(sys.argv[1:] if args is None else args)
        return self.args

    def _report(self, name, seconds):
        print(name)
        sys.stdout.flush()
        sys.stderr.write("GILECTOMY-TIME %s %.6f\n" % (name, seconds))

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        self.parse_args()
        t0 = perf_counter()
        func(*args)
        self._report(name, perf_counter() - t0)

    def bench_time_func(self, name, time_func, *args, inner_loops=None, metadata=None):
        self.parse_args()
        self._report(name, time_func(1, *args))

    def bench_async_func(self, name, func, *args, inner_loops=None, metadata=None):
        self.parse_args()
        import asyncio
        t0 = perf_counter()
        asyncio.run(func(*args))
        self._report(name, perf_counter() - t0)

    def bench_command(self, name, command):
        raise NotImplementedError("gilectomy's pyperf stand-in does not run bench_command (" + name + ")")
