# posix (what os.py is built on): stat, directories, descriptors, errors with CPython's errno.
import posix

base = '/tmp/cm2_posix_%d' % posix.getpid()
posix.mkdir(base)
d = base + '/d'
posix.mkdir(d, 0o755)
f = base + '/f.txt'


def err(name, *args):
    try:
        getattr(posix, name)(*args)
        print(name, 'no error')
    except OSError as e:
        print(name, type(e).__name__, e.errno, e.strerror, e.args,
              e.filename == args[0], e.filename2 == (args[1] if len(args) > 1 and isinstance(args[1], str) else None))


fd = posix.open(f, posix.O_RDWR | posix.O_CREAT | posix.O_EXCL, 0o644)
print(posix.write(fd, b'hello, world\n'), posix.lseek(fd, 0, 0))
print(posix.read(fd, 5), posix.read(fd, 100), posix.read(fd, 10), posix.lseek(fd, -6, 2))
print(posix.fstat(fd).st_size)
posix.close(fd)
err('close', fd)
err('open', f, posix.O_RDWR | posix.O_CREAT | posix.O_EXCL)

st = posix.stat(f)
print(oct(st.st_mode), st.st_size, st.st_nlink, st[6], len(st), st[:1], type(st).__name__)
print(st.st_mtime_ns // 10**9 == st[8] == int(st.st_mtime), isinstance(st.st_atime, float))
print(oct(posix.stat(d).st_mode), posix.lstat(d).st_mode == posix.stat(d).st_mode)
print(repr(posix.stat_result(tuple(range(10))))[:60])
print(posix.stat_result(range(10)).st_ino, posix.stat_result.n_sequence_fields)

posix.symlink(f, base + '/link')
print(posix.readlink(base + '/link') == f, oct(posix.lstat(base + '/link').st_mode)[:4])
print(sorted(posix.listdir(base)), sorted(posix.listdir(base.encode())))
with posix.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(e, e.name, e.path == base + '/' + e.name, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_file(follow_symlinks=False), e.stat().st_size == posix.stat(e.path).st_size)
print([e.path.startswith(b'/') for e in posix.scandir(base.encode())])

err('stat', base + '/missing')
err('mkdir', d)
err('rmdir', f)
err('rmdir', base)
err('unlink', d)
err('rename', base + '/missing', base + '/x')
err('listdir', f)
err('open', base + '/missing', posix.O_RDONLY)
for bad in ([], 3.5):
    try:
        posix.stat(bad)
    except TypeError as e:
        print('TypeError:', e)
try:
    posix.mkdir(3)
except TypeError as e:
    print('TypeError:', e)

posix.rename(f, base + '/g.txt')
posix.replace(base + '/g.txt', base + '/h.txt')
print(sorted(posix.listdir(base)), posix.access(base + '/h.txt', posix.R_OK), posix.access(base + '/nope', posix.F_OK))
posix.chmod(base + '/h.txt', 0o600)
print(oct(posix.stat(base + '/h.txt').st_mode))
for name in ('h.txt', 'link'):
    posix.unlink(base + '/' + name)
posix.rmdir(d)
posix.remove if False else posix.rmdir(base)
print(posix.access(base, posix.F_OK))

print(posix.strerror(2), '|', posix.strerror(13), '|', posix.strerror(99999))
print(type(posix.environ), all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in posix.environ.items()))
print(posix.fspath('a'), posix.fspath(b'b'), posix.getcwd() == posix.getcwdb().decode(), posix.getpid() > 0)
print(len(posix.urandom(16)), posix.cpu_count() >= 1, posix.waitstatus_to_exitcode(3 << 8), posix.waitstatus_to_exitcode(9))
print(posix.terminal_size((80, 24)), posix.terminal_size((80, 24)).lines, posix.uname().sysname, len(posix.times()))


class P:
    def __fspath__(self):
        return '/'


print(posix.fspath(P()), posix.stat(P()).st_mode == posix.stat('/').st_mode)
try:
    posix.fspath(3)
except TypeError as e:
    print('TypeError:', e)
