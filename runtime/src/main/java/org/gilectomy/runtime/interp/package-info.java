/**
 * The interpreter proper: the eval loop ({@code Eval}, hot opcodes; {@code ColdOpcodes} and
 * {@code ExtendedOps}, the rest), frames and calls ({@code ArgumentBinder}), generators and
 * coroutines ({@code SuspendedFrame}, {@code PyGenerator}, {@code PyCoroutine}), the state of
 * an interpreter and of its threads ({@code Interpreter}, {@code ThreadState}), blocking calls
 * and signals, the program's run ({@code MainProgram}), tracebacks, and the functions of the
 * {@code builtins} module ({@code Builtins} and its parts).
 *
 * <p>Not here: the methods of built-in types ({@code runtime.types}), the modules written in
 * Java ({@code runtime.modules}), the import system ({@code runtime.imports}).
 */
package org.gilectomy.runtime.interp;
