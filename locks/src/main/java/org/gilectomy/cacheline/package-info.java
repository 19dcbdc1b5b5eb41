/**
 * The software model of cache-line transfers on object headers ({@code --count-transfers}):
 * {@code TransferCounter} records each header write by its writer, {@code TypeCounters} sums
 * them per type and per thread. Both lock words ({@code locks.Lockable}) and reference counts
 * ({@code refcount.RefCount}, {@code BufferedCounts}) report to it, so it lives in the lowest
 * module, outside the locks package, where both reach it without an upward arrow.
 */
package org.gilectomy.cacheline;
