# -x, +x, ~x and abs(x) call a class's __neg__, __pos__, __invert__, __abs__;
# object.__subclasshook__ answers NotImplemented
import datetime


class Vec:
    __slots__ = ('x', 'y')

    def __new__(cls, x, y):
        self = object.__new__(cls)
        self.x, self.y = x, y
        return self

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __pos__(self):
        return self

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def __invert__(self):
        return Vec(self.y, self.x)

    def __repr__(self):
        return f'Vec({self.x}, {self.y})'


v = Vec(3, -4)
print(-v, +v, abs(v), ~v, -(-v))


class Sub(Vec):
    def __neg__(self):
        return 'Sub.__neg__'


print(-Sub(1, 2), ~Sub(1, 2))


class MyInt(int):
    def __neg__(self):
        return 'MyInt.__neg__'


class MyFloat(float):
    pass


print(-MyInt(3), +MyInt(3), ~MyInt(3), abs(MyInt(-3)), -MyFloat(2.5), abs(MyFloat(-2.0)))


class Plain:
    pass


for f, sym in [(lambda p: -p, '-'), (lambda p: +p, '+'), (lambda p: ~p, '~'), (abs, 'abs')]:
    try:
        f(Plain())
    except TypeError as e:
        print(sym, 'TypeError', e)
try:
    ~2.5
except TypeError as e:
    print('TypeError', e)

d = datetime.timedelta(hours=3, minutes=5)
print(-d, abs(-d), +d, datetime.timezone(datetime.timedelta(hours=-2)))
print(object.__subclasshook__(int), int.__subclasshook__(str), Vec.__subclasshook__(Vec))
