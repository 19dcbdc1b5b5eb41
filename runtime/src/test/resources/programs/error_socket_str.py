import socket
s = socket.socket()
print("sending text")
s.send("not bytes")
