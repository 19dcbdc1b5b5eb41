# peer-timer.py: times a program under another interpreter the way `gilectomy run --timing-file`
# does (wall and process CPU time around the program only, start-up excluded), for the
# `--peer` rows of `gilectomy compare` and `gilectomy experiment`.
# Usage: INTERPRETER peer-timer.py TIMING.json PROGRAM.py THREADS [ARGS...]
# Written for Python 2.7 (Jython) and 3.x alike. Under Python 2 the program is compiled with
# print() and true division, as in Python 3.
from __future__ import print_function, division
import __future__
import sys
import time
import platform

timing_file = sys.argv[1]
program = sys.argv[2]
sys.argv = [program] + sys.argv[3:]

if hasattr(time, "perf_counter"):
    wall = time.perf_counter
else:
    wall = time.time
if hasattr(time, "process_time"):
    cpu = time.process_time
else:
    cpu = None

source = open(program).read()
flags = __future__.print_function.compiler_flag | __future__.division.compiler_flag
code = compile(source, program, "exec", flags)
namespace = {"__name__": "__main__", "__file__": program}
w0 = wall()
c0 = cpu() if cpu else None
status = 0
try:
    exec(code, namespace)
except SystemExit as e:
    if e.code is None:
        status = 0
    elif isinstance(e.code, int):
        status = e.code
    else:
        status = 1
w1 = wall()
c1 = cpu() if cpu else None
sys.stdout.flush()

out = open(timing_file, "w")
out.write('{"wall_s": %r, "cpu_s": %s, "exit_status": %d, "interpreter": "%s %s"}\n' % (
    w1 - w0, "null" if c0 is None else repr(c1 - c0), status,
    platform.python_implementation(), platform.python_version()))
out.close()
sys.exit(status)
