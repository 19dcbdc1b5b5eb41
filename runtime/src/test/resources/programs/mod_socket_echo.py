import socket
import threading

server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(5)
port = server.getsockname()[1]
served = []

def serve(clients):
    for i in range(clients):
        conn, addr = server.accept()
        while True:
            data = conn.recv(1024)
            if not data:
                break
            conn.sendall(data.decode().upper().encode())
        served.append(addr[0])
        conn.close()

t = threading.Thread(target=serve, args=(2,))
t.start()
for word in ["hello", "world"]:
    c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    c.connect(("127.0.0.1", port))
    sent = c.send(word.encode())
    c.sendall(" again".encode())
    reply = ""
    while len(reply) < len(word) + 6:
        reply = reply + c.recv(1024).decode()
    print(sent, reply)
    c.close()
t.join()
server.close()
print(served)
