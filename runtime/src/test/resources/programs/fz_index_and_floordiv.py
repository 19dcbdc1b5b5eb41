# Found by the fuzzer once its known differences were generated again: an int index too big for
# a Java long is an IndexError (CPython: "cannot fit 'int' into an index-sized integer"), not an
# OverflowError; float floor division follows CPython's float_divmod (inf // 6 is nan).
for expr in ["[1][10**20]", "'ab'[-10**20]", "(1,)[2**63]", "range(3)[2**64]"]:
    try:
        eval_result = None
        if expr == "[1][10**20]":
            eval_result = [1][10**20]
        elif expr == "'ab'[-10**20]":
            eval_result = 'ab'[-10**20]
        elif expr == "(1,)[2**63]":
            eval_result = (1,)[2**63]
        else:
            eval_result = range(3)[2**64]
    except (IndexError, OverflowError) as e:
        print(expr, type(e).__name__, e)
l = [1, 2]
for bad in [10**20, -2**70]:
    try:
        l[bad] = 0
    except IndexError as e:
        print("set", type(e).__name__, e)
    try:
        del l[bad]
    except IndexError as e:
        print("del", type(e).__name__, e)
inf = float('inf')
print(inf // 6, -inf // 6, inf // -6, 5.0 // inf, -5.0 // inf, divmod(inf, 6))
print(divmod(-7.5, 2), 7.0 // -2, -0.0 // 5, 0.0 // -5, 1e308 // 1e-308, 10.0 // 0.1)
