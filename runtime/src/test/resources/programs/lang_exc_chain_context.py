def parse(text):
    try:
        return int(text)
    except ValueError:
        return {}["fallback"]


print(parse("12"))
print(parse("twelve"))
