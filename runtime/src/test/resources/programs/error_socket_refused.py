import socket
probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
probe.bind(("127.0.0.1", 0))
port = probe.getsockname()[1]
probe.close()
c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print("connecting to a closed port")
c.connect(("127.0.0.1", port))
