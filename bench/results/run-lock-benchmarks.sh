#!/usr/bin/env bash
# Runs the per-object lock microbenchmarks (UncontendedLockBenchmark, ContendedLockBenchmark)
# and writes, under bench/results/:
#   <name>.json          JMH's results (-rf json): scores, and the over1ms/over10ms counters
#   <name>.log           the console output
#   <name>-waits.txt     one "lock-wait ..." line per contended trial: p50/p99/p99.9/max of
#                        lock-to-unlock time (wait + hold), in microseconds, and the wall-clock
#                        throughput (wall_ops_per_ms: all operations over first-thread-in to
#                        last-thread-out; JMH's score, a sum of per-thread rates, hides starved
#                        threads, and spin starves them for seconds under hold=quantum)
#   <name>.machine.txt   where it ran: CPUs, JVM, kernel, load, commit
#
# usage: bench/results/run-lock-benchmarks.sh [name] [more JMH options...]
#   bench/results/run-lock-benchmarks.sh                       # name: locks-<date>
#   bench/results/run-lock-benchmarks.sh contended-quick 'ContendedLockBenchmark' -wi 1 -i 2
#   bench/results/run-lock-benchmarks.sh spin-16 'ContendedLockBenchmark.Threads16' -p hold=quantum -tu ms
#     (hold=quantum scores are a few ops per ms; with spin an iteration lasts until its most
#     starved thread gets the lock: tens of seconds on 2 cores)
# The first extra argument that is not an option replaces the benchmark selection.
# Builds bench/target/benchmarks.jar first if it is missing (mvn -pl bench -am package -DskipTests).
set -euo pipefail
cd "$(dirname "$0")/../.."

name=${1:-locks-$(date +%Y%m%d-%H%M)}
[ $# -gt 0 ] && shift
select='(Uncontended|Contended)LockBenchmark'
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then
  select=$1
  shift
fi

jar=bench/target/benchmarks.jar
[ -f "$jar" ] || mvn -B -q -pl bench -am package -DskipTests

out=bench/results
{
  echo "name:    $name"
  echo "date:    $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc:   $(nproc)"
  echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "kernel:  $(uname -sr)"
  echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min, before the run)"
  echo "commit:  $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(git status --short 2>/dev/null | wc -l) files changed)"
  echo "select:  $select $*"
  echo "java:"
  java -version 2>&1 | sed 's/^/  /'
} > "$out/$name.machine.txt"
rm -f "$out/$name-waits.txt"

# -jvmArgsPrepend, not -jvmArgsAppend: the benchmarks choose the lock kind with @Fork(jvmArgsAppend),
# which a command-line -jvmArgsAppend would replace.
java -jar "$jar" "$select" \
  -rf json -rff "$out/$name.json" \
  -jvmArgsPrepend "-Dgilectomy.bench.waitLog=$PWD/$out/$name-waits.txt" \
  "$@" 2>&1 | tee "$out/$name.log"

echo
echo "wrote $out/$name.json, $out/$name.log, $out/$name-waits.txt, $out/$name.machine.txt"
