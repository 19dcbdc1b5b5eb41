if __name__ == "__main__":
    print("never: imported, not run")
else:
    guard = "imported as " + __name__
