/**
 * Locks, and only locks: the per-object lock word ({@code Lockable}, {@code ObjectLock}) and
 * its kinds ({@code SpinParkLock}, {@code PyMutexLock}, {@code SpinLock}), the parking lot,
 * critical sections, the two GILs ({@code Gil}, {@code NewGil}, {@code OldGil}), their
 * statistics and events. {@code Build}, the one reader of the build properties, sits here
 * because this is the lowest package of the lowest module and the lock and GIL kinds are its
 * first choices.
 *
 * <p>Not here, and why: the thread state and the eval breaker are per-thread, not per-lock, and
 * the refcount and runtime modules extend them ({@code org.gilectomy.threadstate}); the
 * cache-line transfer model counts writes of lock words and reference counts alike
 * ({@code org.gilectomy.cacheline}); the event recorder that the GILs feed and the trace
 * writer are {@code org.gilectomy.trace}; drawing a timeline is the command line's
 * ({@code runtime.cli.TimelineChart}).
 */
package org.gilectomy.locks;
