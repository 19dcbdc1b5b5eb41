/**
 * Per-thread state (CPython's {@code PyThreadState}) and what hangs off it: the root of the
 * thread-state chain ({@code BaseThreadState}, carried by a {@code StatefulThread}), the
 * eval-breaker bits in its word ({@code EvalBreaker}), stop-the-world ({@code StopTheWorld}) and
 * the per-thread statistics rows ({@code ThreadCounters}).
 *
 * <p>Why this package, in the lowest module: the module arrows are locks &lt;- refcount &lt;-
 * objects &lt;- runtime, and every one of them writes the breaker word (the GIL sets a drop
 * request, biased counting a merge pending, the collector stop-the-world and run-GC, signals
 * a pending signal), and refcount and runtime extend the state ({@code RefCountThreadState},
 * {@code interp.ThreadState}). So it must sit at the bottom, but it is not a lock: it has a
 * package of its own that the locks package uses (critical sections keep their stack in it),
 * rather than living among the locks.
 */
package org.gilectomy.threadstate;
