/**
 * The methods of the built-in types, one place per type: {@code str} ({@code StrMethods}),
 * {@code bytes} and {@code bytearray} ({@code BytesMethods}), {@code list}, {@code dict} and
 * {@code set} ({@code ContainerMethods}), the numbers ({@code NumberAttributes},
 * {@code NumberBytes}), and the attributes every value has ({@code ValueAttributes}). The types
 * themselves are the objects module's; their constructors are bound in {@code interp.Builtins}.
 */
package org.gilectomy.runtime.types;
