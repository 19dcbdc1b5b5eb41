/**
 * CPython's C modules written in Java, one class per C module (as CPython keeps one file per
 * module under {@code Modules/}): {@code _io}, {@code _collections}, {@code math}, {@code random},
 * {@code socket}, {@code queue}, {@code time}, {@code gc}, {@code sys}, {@code threading},
 * {@code _thread}, ... ({@code _sre} in {@code modules.sre}). Each class has a
 * {@code module()} factory that {@code imports.BuiltinModules} registers by name; the object types a
 * module defines live in small classes of their own next to it.
 */
package org.gilectomy.runtime.modules;
