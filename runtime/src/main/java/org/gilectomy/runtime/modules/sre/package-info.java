/**
 * The {@code _sre} module under CPython's pure-Python {@code re}: the module
 * ({@code SreModule}), compiled patterns and matches ({@code SrePattern}, {@code SreMatch}), and
 * the matching engine ({@code SreEngine}, {@code SreChars}).
 */
package org.gilectomy.runtime.modules.sre;
