import java.lang.reflect.Method;

import org.gilectomy.threadstate.StatefulThread;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.vm.VM;

/**
 * Where two Python threads' states sit in memory (docs/scaling-limiters.md): the field layout
 * of the runtime's ThreadState, and the distance between two states made one after the
 * other, as threading.Thread.start makes them, before and after collections move them. Two
 * states less than a cache line (64 bytes) apart would share a line that both threads write
 * (their recursion depth at every call).
 *
 * <pre>
 * JOL=~/.m2/repository/org/openjdk/jol/jol-core/0.17/jol-core-0.17.jar
 * java -Djdk.attach.allowAttachSelf -cp bench/target/benchmarks.jar:$JOL bench/tools/ThreadStateLayout.java
 * </pre>
 */
public class ThreadStateLayout {
    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName("org.gilectomy.runtime.interp.ThreadState");
        System.out.println(ClassLayout.parseClass(type).toPrintable());
        Method newThread = type.getDeclaredMethod("newThread", Runnable.class, String.class, long.class, boolean.class,
                Class.forName("org.gilectomy.runtime.modules.Threading$PyThread"));
        newThread.setAccessible(true);
        Runnable nothing = () -> { };
        StatefulThread a = (StatefulThread) newThread.invoke(null, nothing, "a", 0L, false, null);
        StatefulThread b = (StatefulThread) newThread.invoke(null, nothing, "b", 0L, false, null);
        long size = ClassLayout.parseInstance(a.state()).instanceSize();
        for (int gc = 0; gc < 3; gc++) {
            long x = VM.current().addressOf(a.state());
            long y = VM.current().addressOf(b.state());
            System.out.printf("after %d collections: the two states are %d bytes apart (each %d bytes)%n",
                    gc, Math.abs(y - x), size);
            System.gc();
        }
    }
}
