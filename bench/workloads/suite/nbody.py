# suite/nbody.py: single-thread tax, float arithmetic in the style of the n-body benchmark
# (five bodies in lists, advanced STEPS times). Usage: nbody.py THREADS STEPS.
import sys


def advance(bodies, steps, dt):
    n = len(bodies)
    s = 0
    while s < steps:
        i = 0
        while i < n:
            bi = bodies[i]
            j = i + 1
            while j < n:
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                dz = bi[2] - bj[2]
                d2 = dx * dx + dy * dy + dz * dz
                mag = dt / (d2 * (d2 ** 0.5))
                bim = bi[6] * mag
                bjm = bj[6] * mag
                bi[3] = bi[3] - dx * bjm
                bi[4] = bi[4] - dy * bjm
                bi[5] = bi[5] - dz * bjm
                bj[3] = bj[3] + dx * bim
                bj[4] = bj[4] + dy * bim
                bj[5] = bj[5] + dz * bim
                j = j + 1
            i = i + 1
        for b in bodies:
            b[0] = b[0] + dt * b[3]
            b[1] = b[1] + dt * b[4]
            b[2] = b[2] + dt * b[5]
        s = s + 1


def energy(bodies):
    e = 0.0
    for b in bodies:
        e = e + 0.5 * b[6] * (b[3] * b[3] + b[4] * b[4] + b[5] * b[5])
    return e


bodies = [
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 39.47],
    [4.84, -1.16, -0.10, 0.606, 2.81, -0.02, 0.037],
    [8.34, 4.12, -0.40, -1.01, 1.82, 0.008, 0.011],
    [12.89, -15.11, -0.22, 1.08, 0.868, -0.010, 0.0017],
    [15.37, -25.91, 0.17, 0.979, 0.594, -0.034, 0.002],
]
advance(bodies, int(sys.argv[2]), 0.01)
print("nbody", sys.argv[2], int(energy(bodies) * 1000))
