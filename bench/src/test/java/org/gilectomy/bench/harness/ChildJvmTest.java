package org.gilectomy.bench.harness;

import static org.gilectomy.bench.harness.ScheduleTest.X2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

class ChildJvmTest {
    @Test
    void keepsMeasurementOptionsAndDropsBuildPropertiesAgentsAndClassPath() {
        List<String> in = List.of("-Xss8m", "-Xmx2g", "-XX:+UseParallelGC", "-Dgilectomy.gil=none",
                "-Dgilectomy.stats=true", "-Dgilectomy.lock.spin=100", "-Dgilectomy.debug=true",
                "-agentlib:jdwp=transport=dt_socket,server=y", "-javaagent:/x/jacoco.jar", "-ea",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-exports=java.base/sun.nio=ALL-UNNAMED",
                "-Djava.class.path=/x", "-verbose:gc", "-Xlog:gc");
        assertEquals(List.of("-Xss8m", "-Xmx2g", "-XX:+UseParallelGC", "-Dgilectomy.lock.spin=100",
                "-Dgilectomy.debug=true", "-ea", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio=ALL-UNNAMED", "-Xlog:gc"), ChildJvm.inheritable(in));
    }

    @Test
    void commandRunsTheSameMainWithThePresetTimingFileAndThreadCountFirst() {
        Path timing = Paths.get("/tmp/w/gilectomy-t2-r1.json");
        List<String> cmd = ChildJvm.command("/jdk/bin/java", List.of("-Xss8m"), "/cp/benchmarks.jar",
                ChildJvm.DEFAULT_MAIN, X2, false, timing, null, "fib.py", List.of("--size", "3"));
        assertEquals(List.of("/jdk/bin/java", "-Xss8m", "-cp", "/cp/benchmarks.jar", "org.gilectomy.bench.cli.Main",
                "run", "--preset", "gilectomy", "--timing-file", timing.toString(), "fib.py", "2", "--size", "3"), cmd);
    }

    @Test
    void runOptionsGoBeforeTheFileAndCellArgumentsRightAfterTheThreadCount() {
        Cell c = X2.withRunOptions("gilectomy lock=spin", List.of("--lock", "spin")).withProgramArgs("s", List.of("shared"));
        List<String> cmd = ChildJvm.command("java", List.of(), "cp", ChildJvm.DEFAULT_MAIN, c, false,
                Paths.get("t.json"), null, "p.py", List.of("extra"));
        assertEquals(List.of("run", "--preset", "gilectomy", "--lock", "spin", "--timing-file", "t.json", "p.py", "2",
                "shared", "extra"), cmd.subList(cmd.indexOf("run"), cmd.size()));
    }

    @Test
    void peersRunTheTimerScriptWithTheTimingFileProgramAndThreads() {
        Peer p = new Peer("jython", List.of("java", "-jar", "j.jar"));
        assertEquals(List.of("java", "-jar", "j.jar", "timer.py", "t.json", "p.py", "3", "a"),
                p.command(Paths.get("timer.py"), Paths.get("t.json"), "p.py", 3, List.of("a")));
        Cell c = Cell.of(p, 3);
        assertEquals("jython", c.series());
        assertEquals("jython", c.buildName());
        assertTrue(c.isPeer());
    }

    @Test
    void statsAddStatsJson() {
        List<String> cmd = ChildJvm.command("java", List.of(), "cp", ChildJvm.DEFAULT_MAIN, X2, true,
                Paths.get("t.json"), Paths.get("s.json"), "p.py", List.of());
        assertTrue(cmd.containsAll(List.of("--stats-json", "s.json")), cmd.toString());
        assertTrue(cmd.indexOf("--stats-json") < cmd.indexOf("p.py"));
    }

    @Test
    void javaIsTheCurrentOne() {
        assertEquals(Paths.get(System.getProperty("java.home"), "bin", "java").toString(), ChildJvm.javaExecutable());
    }
}
