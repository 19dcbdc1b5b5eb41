import imp_lib.registry as registry
registry.runs.append("slow")
total = 0
for i in range(20000):
    total += i
done = True
