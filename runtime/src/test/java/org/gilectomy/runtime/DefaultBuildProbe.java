package org.gilectomy.runtime;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.gilectomy.locks.Build;
import org.gilectomy.locks.Gil;
import org.gilectomy.locks.ObjectLock;
import org.gilectomy.objects.ContainerReads;
import org.gilectomy.refcount.RefCount;
import org.gilectomy.runtime.interp.Interpreter;

/**
 * The child JVM of {@link DefaultBuildTest}: runs a two-thread program through the embedding
 * entry point ({@link Interpreter#runMain}, not the command line, which applies a preset of its
 * own), then prints the build it ran and how often the GIL was taken.
 */
public final class DefaultBuildProbe {
    private DefaultBuildProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path prog = Files.createTempFile("default-build", ".py");
        try {
            Files.writeString(prog, "import threading\n"
                    + "def work():\n    s = 0\n    for i in range(1000):\n        s += i\n"
                    + "ts = [threading.Thread(target=work) for _ in range(2)]\n"
                    + "for t in ts: t.start()\n"
                    + "for t in ts: t.join()\n"
                    + "print('ran')\n");
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            int status = Interpreter.runMain(prog, List.of(), out, System.err);
            System.out.println("status=" + status
                    + " preset=" + Build.preset().flagName()
                    + " gil=" + Gil.KIND.flagName()
                    + " refcount=" + RefCount.KIND.flagName()
                    + " lock=" + ObjectLock.KIND.flagName()
                    + " immortal=" + RefCount.IMMORTAL.flagName()
                    + " lock-free-reads=" + ContainerReads.LOCK_FREE
                    + " gil-taken=" + (Gil.ENABLED && Gil.INSTANCE.stats().acquisitions() > 0));
        } finally {
            Files.deleteIfExists(prog);
        }
    }
}
