/**
 * Real programs, not this project's workloads: CPython's own regression tests
 * ({@code gilectomy regrtest}) and pyperformance's benchmarks ({@code gilectomy pyperformance}),
 * each run under {@code python3} for the reference answer and under the runtime's presets, with
 * one table of what passed. Nothing of CPython's or pyperformance's code is in this package: the
 * tests and benchmarks are read from where the user has them, at run time.
 */
package org.gilectomy.bench.realprogs;
