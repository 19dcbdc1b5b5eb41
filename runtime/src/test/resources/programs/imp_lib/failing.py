print("failing body starts")
raise ValueError("the module body fails")
