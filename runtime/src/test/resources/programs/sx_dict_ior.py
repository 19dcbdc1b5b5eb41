a = {1: 2}
alias = a
print(a | {3: 4}, {3: 4} | a)
a |= {5: 6}
a |= [(7, 8)]
print(a, alias is a, alias)
class M:
    def keys(self):
        return ["x", "y"]
    def __getitem__(self, k):
        return k.upper()
a |= M()
print(a)
b = {}
b.update(M())
print(b, dict(M()))
for e in ["{} | []", "{} | 1", "x = {}; x |= 1", "x = {}; x |= [(1, 2, 3)]", "x = {}; x |= [[{}, 1]]"]:
    try:
        exec(e)
        print("ok", e)
    except Exception as ex:
        print(type(ex).__name__, ex)
print(int.from_bytes(b'\x01\x02', 'big'), (258).to_bytes(2, 'little'), int.from_bytes(b'\xff', 'big', signed=True))
