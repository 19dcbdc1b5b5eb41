# steady_state.py: CPython's side of `gilectomy run --iterations N --iteration-times FILE.json`,
# for the `speed` experiment's steady-state ratios.
# Usage: python3 steady_state.py [--iterations N] [--iteration-times FILE.json] PROGRAM.py [ARGS...]
#
# The program is compiled once, then executed N times in this process, each time as a fresh
# __main__: new globals {'__name__': '__main__', '__file__': PROGRAM}, sys.argv = [PROGRAM, ARGS...],
# and the modules it imported dropped from sys.modules, so every iteration imports, allocates and
# prints as the first did (the driver itself imports only os, sys and time; json and platform
# come after the loop). The modules loaded before the first iteration (CPython's start-up ones,
# and here those that site's .pth files import: random, threading...) cannot be dropped; their
# attributes are put back after each iteration instead (a shallow restore: an object mutated in
# place stays mutated), with sys.setswitchinterval and threading's thread-name counter, so thread
# names start at Thread-1 again. The program's non-daemon threads are joined after each
# iteration, as at interpreter exit.
# Iteration 1 prints to stdout; later iterations' stdout goes to os.devnull. Each exec is timed with time.perf_counter_ns. The first iteration that ends with a
# non-zero status (an uncaught exception, sys.exit(n)) stops the loop; its status is ours.
# FILE.json gets iterations, completed, iteration_ns, exit_status, wall_s and cpu_s (all
# iterations) and interpreter: the members the runtime writes.
import os
import sys
import time

USAGE = "usage: steady_state.py [--iterations N] [--iteration-times FILE.json] PROGRAM.py [ARGS...]"


def usage_error(message):
    sys.stderr.write("steady_state.py: " + message + "\n" + USAGE + "\n")
    sys.exit(2)


def parse(argv):
    iterations = 1
    times_file = None
    i = 0
    while i < len(argv) and argv[i].startswith("--"):
        option = argv[i]
        if option not in ("--iterations", "--iteration-times") or i + 1 >= len(argv):
            usage_error("bad option: " + option)
        value = argv[i + 1]
        if option == "--iterations":
            try:
                iterations = int(value)
            except ValueError:
                usage_error("--iterations must be a whole number, got " + repr(value))
            if iterations < 1:
                usage_error("--iterations must be at least 1, got " + value)
        else:
            times_file = value
        i += 2
    if i >= len(argv):
        usage_error("missing PROGRAM.py")
    return iterations, times_file, argv[i], argv[i + 1:]


def exit_status(exc):
    """The process exit status CPython gives a SystemExit."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code
    sys.stderr.write(str(exc.code) + "\n")
    return 1


def run_once(code, program, args):
    """One fresh __main__; returns its exit status."""
    sys.argv = [program] + list(args)
    namespace = {"__name__": "__main__", "__file__": program, "__builtins__": __builtins__}
    try:
        exec(code, namespace)
    except SystemExit as e:
        return exit_status(e)
    except BaseException:
        import traceback  # dropped from sys.modules with the program's imports
        traceback.print_exc()
        return 1
    finally:
        join_threads()
        namespace.clear()
    return 0


def join_threads():
    """The program's non-daemon threads, joined as threading._shutdown does at exit."""
    threading = sys.modules.get("threading")
    if threading is None:
        return
    for t in threading.enumerate():
        if t is not threading.main_thread() and not t.daemon:
            t.join()


_ABSENT = object()


def module_attributes():
    """Each loaded module with a copy of its attributes."""
    return [(m, dict(vars(m))) for m in list(sys.modules.values()) if hasattr(m, "__dict__")]


def reset_process_state(snapshot, switch_interval):
    """Undoes what a program did to the modules that outlive it: added or rebound attributes."""
    for module, attributes in snapshot:
        current = vars(module)
        for name in [n for n in current if n not in attributes]:
            del current[name]
        for name, value in attributes.items():
            if current.get(name, _ABSENT) is not value:
                current[name] = value
    sys.setswitchinterval(switch_interval)
    threading = sys.modules.get("threading")
    if threading is not None and hasattr(threading, "_counter"):
        import itertools
        threading._counter = itertools.count(1).__next__


def write_times(times_file, fields):
    import json
    import platform
    fields["interpreter"] = "%s %s" % (platform.python_implementation(), platform.python_version())
    with open(times_file, "w") as f:
        json.dump(fields, f, indent=2)
        f.write("\n")


def main():
    iterations, times_file, program, args = parse(sys.argv[1:])
    with open(program) as f:
        code = compile(f.read(), program, "exec")
    modules_before = set(sys.modules)
    switch_interval = sys.getswitchinterval()
    snapshot = module_attributes()
    real_stdout = sys.stdout
    devnull = open(os.devnull, "w")
    iteration_ns = []
    status = 0
    wall0 = time.perf_counter_ns()
    cpu0 = time.process_time_ns()
    try:
        for i in range(iterations):
            sys.stdout = real_stdout if i == 0 else devnull
            start = time.perf_counter_ns()
            status = run_once(code, program, args)
            iteration_ns.append(time.perf_counter_ns() - start)
            sys.stdout.flush()
            reset_process_state(snapshot, switch_interval)
            for name in set(sys.modules) - modules_before:
                del sys.modules[name]  # the next iteration imports them afresh
            if status != 0:
                if iterations > 1:
                    sys.stderr.write("steady_state.py: iteration %d of %d exited with status %d\n"
                                     % (i + 1, iterations, status))
                break
    finally:
        sys.stdout = real_stdout
        devnull.close()
    wall = time.perf_counter_ns() - wall0
    cpu = time.process_time_ns() - cpu0
    if times_file is not None:
        write_times(times_file, {"iterations": iterations, "completed": len(iteration_ns),
                                 "iteration_ns": iteration_ns, "exit_status": status,
                                 "wall_s": wall / 1e9, "cpu_s": cpu / 1e9})
    sys.exit(status)


if __name__ == "__main__":
    main()
