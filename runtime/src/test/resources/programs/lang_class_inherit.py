class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return self.name + " with " + str(self.sides) + " sides and area " + str(self.area())

    def __repr__(self):
        return type(self).__name__ + "(" + repr(self.name) + ")"


class Rect(Shape):
    sides = 4

    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"

    def describe(self):
        return "[" + super().describe() + "]"


class Triangle(Shape):
    sides = 3

    def __init__(self, b, h):
        Shape.__init__(self, "triangle")
        self.b = b
        self.h = h

    def area(self):
        return self.b * self.h / 2


shapes = [Shape("blob"), Rect(2, 3), Square(4), Triangle(3, 5)]
for s in shapes:
    print(s.describe())
print(shapes)
print(isinstance(shapes[2], Rect), isinstance(shapes[2], Shape), isinstance(shapes[3], Rect))
print(issubclass(Square, Shape), issubclass(Shape, Square), issubclass(Square, (int, Rect)))
print(isinstance(3, (str, int)), isinstance("x", Shape))
print(type(shapes[2]) is Square, type(shapes[2]) is Rect)
print(Square.sides, Square.__base__.__name__)
total = 0
for s in shapes:
    total += s.area()
print(total)
