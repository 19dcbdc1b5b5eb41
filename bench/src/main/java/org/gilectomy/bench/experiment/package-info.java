/**
 * {@code gilectomy experiment}: the published GIL and Gilectomy results reproduced side by side.
 *
 * <p>An {@link org.gilectomy.bench.experiment.Experiment} names the programs it measures
 * ({@link org.gilectomy.bench.experiment.Part}: a workload under {@code bench/workloads} and its
 * cells), which the command runs with the comparison harness
 * ({@link org.gilectomy.bench.harness.Measurement}); it then turns the medians into tables,
 * charts and {@link org.gilectomy.bench.experiment.Target}s, each judged PASS, FAIL or NOT
 * MEASURED from a measured ratio. A part marked optional whose program the runtime cannot run
 * yet (a class, a generator) becomes a "not supported yet" row; any other failed run stops the
 * experiment with the runtime's error. Adding an experiment is a class here and a line in
 * {@link org.gilectomy.bench.experiment.Experiments#ALL}.
 */
package org.gilectomy.bench.experiment;
