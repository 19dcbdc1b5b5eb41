# convoy.py: Beazley's convoy effect. An echo server thread answers a client on loopback while
# CPU-bound threads spin.
#
# Usage: convoy.py THREADS SECONDS [PORT]
#   THREADS - 1 CPU-bound threads run beside the echo server (THREADS 1: the server alone).
#   With PORT (what the convoy experiment does, as in Beazley's setup): the echo thread connects
#   to a client outside this process, listening on 127.0.0.1:PORT, and echoes until the client
#   closes the connection; the client times the round trips. Without PORT: the client is this
#   program's main thread, which sends requests for SECONDS and prints
#   "convoy: requests R ms T cpu_threads C" and one line "latencies_us: L1 L2 ..." (each round
#   trip, in microseconds). A client under the same GIL hands the GIL over at every blocking call
#   itself, so this mode shows a much weaker convoy (docs/experiments/convoy.md).
import sys
import socket
import threading
import time

MESSAGE = "0123456789abcdef".encode()


def echo(conn):
    while True:
        data = conn.recv(4096)
        if len(data) == 0:
            break
        conn.sendall(data)
    conn.close()


def serve(listener):
    conn, addr = listener.accept()
    echo(conn)
    listener.close()


def serve_client_outside(port):
    conn = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    conn.connect(("127.0.0.1", port))
    echo(conn)


def spin(stop):
    x = 0
    while len(stop) == 0:
        x = x + 1


def start_spinners(nthreads, stop):
    spinners = []
    for i in range(nthreads - 1):
        spinners.append(threading.Thread(target=spin, args=(stop,)))
    for th in spinners:
        th.start()
    return spinners


def run_with_client_outside(nthreads, port):
    stop = []
    spinners = start_spinners(nthreads, stop)
    server = threading.Thread(target=serve_client_outside, args=(port,))
    server.start()
    server.join()
    stop.append(True)
    for th in spinners:
        th.join()
    print("convoy: echo server done, cpu_threads", nthreads - 1)


def main():
    nthreads = int(sys.argv[1])
    seconds = float(sys.argv[2])
    if len(sys.argv) > 3:
        run_with_client_outside(nthreads, int(sys.argv[3]))
        return
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    port = listener.getsockname()[1]
    server = threading.Thread(target=serve, args=(listener,))
    server.start()
    stop = []
    spinners = start_spinners(nthreads, stop)
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect(("127.0.0.1", port))
    latencies = []
    start = time.perf_counter()
    end = start + seconds
    now = start
    while now < end:
        client.sendall(MESSAGE)
        got = 0
        while got < len(MESSAGE):
            got = got + len(client.recv(4096))
        after = time.perf_counter()
        latencies.append(int((after - now) * 1000000))
        now = after
    elapsed = now - start
    client.close()
    stop.append(True)
    for th in spinners:
        th.join()
    server.join()
    print("convoy: requests", len(latencies), "ms", int(elapsed * 1000), "cpu_threads", nthreads - 1)
    parts = []
    for v in latencies:
        parts.append(str(v))
    print("latencies_us:", " ".join(parts))


main()
