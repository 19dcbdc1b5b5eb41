/**
 * CPython's C modules written in Java, one class per C module (as CPython keeps one file per
 * module under {@code Modules/}): {@code _io}, {@code _collections}, ... Each class has a
 * {@code module()} factory that {@code interp.Modules} registers by name; the object types a
 * module defines live in small classes of their own next to it.
 */
package org.gilectomy.runtime.modules;
