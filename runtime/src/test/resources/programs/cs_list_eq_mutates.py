# list.index, count, remove and `in` whose item __eq__ reads or changes the list being
# searched: the comparisons run with the list's critical section suspended, so they neither
# deadlock nor read past a list that shrank under them.
lst = []
action = []


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        a = action.pop() if action else None
        if a == "len":
            print("eq sees", len(lst), lst.count(0))
        elif a == "clear":
            lst.clear()
        elif a == "shrink":
            while len(lst) > 1:
                lst.pop()
        elif a == "append":
            lst.append(0)
        return isinstance(other, E) and self.v == other.v

    def __repr__(self):
        return "E(%d)" % self.v




def reset():
    lst.clear()
    lst.extend([E(1), E(2), E(3)])


reset()
action.extend(["len", "len"])
print(lst.index(E(2)), lst)
reset()
action.append("clear")
print(lst.count(E(1)), lst)
reset()
action.append("shrink")
print(E(3) in lst, lst)
reset()
action.append("append")
print(lst.count(0), lst.index(E(3)), lst)
reset()
action.extend(["shrink", None])
lst.remove(E(2))
print(lst)
reset()
action.append("clear")
try:
    lst.remove(E(7))
except ValueError as e:
    print("ValueError:", e)
print(lst)
