# connect() to a port that is bound but not listening is refused, as in CPython; after listen() it connects.
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
port = s.getsockname()[1]
c = socket.socket()
try:
    c.connect(("127.0.0.1", port))
    print("connected")
except ConnectionRefusedError as e:
    print("refused", e)
c.close()
s.listen()
c = socket.socket()
c.connect(("127.0.0.1", port))
conn, addr = s.accept()
c.sendall(b"hi")
print(conn.recv(10), s.getsockname()[1] == port)
conn.close(); c.close(); s.close()
