# regrtest_driver.py: written for gilectomy's `regrtest` command (not CPython's regrtest).
#
# Usage: regrtest_driver.py TEST_NAME
#
# Imports CPython's `test.TEST_NAME` from the standard library the interpreter was given, runs
# its test cases with CPython's own unittest (the module's load_tests protocol included), and
# prints one line that starts with GILECTOMY-REGRTEST followed by a JSON object of counts. The
# same script runs under python3 (the reference counts) and under each of the runtime's presets.
# It avoids the json module on purpose: the fewer modules the driver needs, the further a young
# runtime gets before a test file's own imports decide the outcome.
import sys

TAG = "GILECTOMY-REGRTEST "
MAX_PROBLEMS = 20


def quote(s):
    out = []
    for ch in s:
        if ch == '"' or ch == '\\':
            out.append('\\' + ch)
        elif ord(ch) < 0x20:
            out.append('\\u%04x' % ord(ch))
        else:
            out.append(ch)
    return '"' + ''.join(out) + '"'


def encode(value):
    if isinstance(value, bool):
        return 'true' if value else 'false'
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return quote(value)
    if isinstance(value, list):
        return '[' + ', '.join(encode(v) for v in value) + ']'
    if isinstance(value, dict):
        return '{' + ', '.join(quote(k) + ': ' + encode(v) for k, v in value.items()) + '}'
    return quote(repr(value))


def describe(exc):
    text = str(exc).strip().split('\n')[0]
    name = type(exc).__name__
    return name + ': ' + text if text else name


def report(fields):
    sys.stdout.flush()
    print(TAG + encode(fields))
    sys.stdout.flush()


def run(name):
    try:
        import unittest
    except BaseException as e:
        report({"stage": "import unittest", "error": describe(e)})
        return
    try:
        module = __import__("test." + name, fromlist=["*"])
    except unittest.SkipTest as e:
        report({"stage": "import test." + name, "skipped_module": describe(e)})
        return
    except BaseException as e:
        report({"stage": "import test." + name, "error": describe(e)})
        return
    try:
        suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    except BaseException as e:
        report({"stage": "load tests", "error": describe(e)})
        return

    class Counting(unittest.TestResult):
        def __init__(self):
            super().__init__()
            self.passed = 0
            self.problems = []

        def addSuccess(self, test):
            super().addSuccess(test)
            self.passed += 1

        def note(self, kind, test, err):
            if len(self.problems) < MAX_PROBLEMS:
                self.problems.append(kind + " " + test.id() + ": " + describe(err[1]))

        def addFailure(self, test, err):
            super().addFailure(test, err)
            self.note("FAIL", test, err)

        def addError(self, test, err):
            super().addError(test, err)
            self.note("ERROR", test, err)

        def addSubTest(self, test, subtest, err):
            # A test with failing subtests counts once, as a failure (unittest's own runner does
            # the same when it reports the test).
            super().addSubTest(test, subtest, err)
            if err is not None:
                self.note("FAIL" if issubclass(err[0], test.failureException) else "ERROR", subtest, err)

    result = Counting()
    try:
        suite.run(result)
    except BaseException as e:
        report({"stage": "run", "error": describe(e), "tests_run": result.testsRun,
                "passed": result.passed})
        return
    failed_ids = set(t.id() for t, _ in result.failures)
    errored_ids = set(t.id() for t, _ in result.errors)
    report({
        "stage": "done",
        "tests": result.testsRun,
        "passed": result.passed,
        "failed": len(failed_ids),
        "errors": len(errored_ids - failed_ids),
        "skipped": len(result.skipped),
        "expected_failures": len(result.expectedFailures),
        "unexpected_successes": len(result.unexpectedSuccesses),
        "problems": result.problems,
    })


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: regrtest_driver.py TEST_NAME\n")
        sys.exit(2)
    run(sys.argv[1])
