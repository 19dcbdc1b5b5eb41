/**
 * What happened when, per thread: the event recorder ({@code GilTimeline}: spans of running
 * with the GIL, waiting for it, blocked) that the GILs and blocking calls feed, the spans of
 * slow paths beside it ({@code SpanLog}: contended object locks, biased-count merges,
 * collection pauses and stops of the world) that the lock words, the counting schemes and the
 * collector feed, and the writer
 * of Chrome trace-event JSON ({@code ChromeTrace}, {@code run --trace}) that Perfetto and
 * chrome://tracing open. It is in the lowest module because the GILs, the lock word and the
 * counting schemes record into it; drawing the PNG timeline is not here (no Java2D in the
 * lowest module) but in {@code runtime.cli.TimelineChart}.
 */
package org.gilectomy.trace;
