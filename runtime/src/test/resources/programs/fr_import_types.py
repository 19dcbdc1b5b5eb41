import types


def f():
    pass


async def co():
    pass


print(types.FunctionType is type(f), types.LambdaType is types.FunctionType)
print(types.CodeType, types.MappingProxyType, types.SimpleNamespace, types.CellType)
print(types.GeneratorType, types.CoroutineType, types.AsyncGeneratorType, types.MethodType)
print(types.BuiltinFunctionType, types.BuiltinMethodType, types.WrapperDescriptorType)
print(types.MethodWrapperType, types.MethodDescriptorType, types.ClassMethodDescriptorType)
print(types.ModuleType, types.TracebackType, types.FrameType, types.GetSetDescriptorType)
print(types.MemberDescriptorType, types.EllipsisType, types.NotImplementedType, types.NoneType)
print(types.GenericAlias, types.UnionType)
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType))
print(isinstance(str.join, types.MethodDescriptorType), isinstance([].append, types.BuiltinMethodType))
ns = types.SimpleNamespace(x=1, y=[2])
ns.z = 3
print(ns, ns.x + ns.z)
C = types.new_class("C", (object,), {}, lambda ns: ns.update({"k": 7}))
print(C.__name__, C.k, C().k)
print(types.resolve_bases((int, object)))


class Base:
    pass


print(types.prepare_class("D", (Base,), {}))
