/**
 * The import system of an interpreter: {@code __import__} and the finders and loaders
 * ({@code ImportSystem}), the per-module import locks ({@code ModuleLocks}), the table of the
 * modules written in Java ({@code BuiltinModules}), {@code sys.modules} and the modules' release
 * at finalization ({@code Modules}), a Java {@code importlib} ({@code Importlib}), and where the
 * standard library is ({@code StdlibLocation}).
 */
package org.gilectomy.runtime.imports;
