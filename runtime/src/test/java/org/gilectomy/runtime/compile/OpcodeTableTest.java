package org.gilectomy.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.gilectomy.runtime.parse.PySyntaxError;
import org.junit.jupiter.api.Test;

/**
 * The opcode table ({@link Opcode#info}) is the one declaration of each opcode's name, stack
 * effect and hot-or-cold: every opcode constant has an entry of its own name; every call site of
 * the compiler agrees with the table's stack effects (CodeBuilder refuses a contradicting delta,
 * so compiling the whole corpus is the check); and the hot opcodes are exactly the cases of
 * {@code Eval}'s switch.
 */
class OpcodeTableTest {
    private static List<Field> opcodeFields() {
        return Stream.of(Opcode.class.getFields())
                .filter(f -> f.getType() == int.class && Modifier.isStatic(f.getModifiers()) && !f.getName().equals("BY_ARG"))
                .toList();
    }

    @Test
    void everyOpcodeHasItsOwnEntry() throws IllegalAccessException {
        List<Field> fields = opcodeFields();
        assertTrue(fields.size() > 60, "found " + fields.size());
        for (Field f : fields) {
            Opcode.Info i = Opcode.info(f.getInt(null));
            assertNotNull(i, f.getName());
            assertEquals(f.getName(), i.name());
        }
        assertEquals("OP_255", Opcode.name(255));
    }

    @Test
    void theCompilerAgreesWithTheTableOnTheWholeCorpus() throws IOException {
        int compiled = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/programs"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                try {
                    Compiler.compileModule(Files.readString(p, StandardCharsets.UTF_8), p.getFileName().toString());
                    compiled++;
                } catch (PySyntaxError e) {
                    // a program about syntax errors: nothing emitted to check
                } catch (java.nio.charset.MalformedInputException e) {
                    // a program about source encodings (not UTF-8): DifferentialTest runs it
                }
            }
        }
        assertTrue(compiled > 100, "compiled " + compiled);
    }

    @Test
    void aDeltaThatContradictsTheTableIsRefused() { // negative control of the one above
        CodeBuilder b = new CodeBuilder();
        b.emit(Opcode.LOAD_CONST, 0);
        assertThrows(IllegalStateException.class, () -> b.emit(Opcode.POP_TOP, 0, 0));
        assertThrows(IllegalStateException.class, () -> b.emit(Opcode.CALL, 1)); // BY_ARG: the site must pass it
        b.emit(Opcode.POP_TOP, 0, -1);
        assertEquals(0, b.depth());
    }

    @Test
    void hotOpcodesAreEvalsSwitchCases() throws IOException, IllegalAccessException {
        String eval = Files.readString(Path.of("src/main/java/org/gilectomy/runtime/interp/Eval.java"));
        Set<String> cases = new TreeSet<>();
        Matcher m = Pattern.compile("case ([A-Z_]+(?:\\s*,\\s*[A-Z_]+)*):").matcher(eval);
        while (m.find()) {
            for (String c : m.group(1).split(",")) {
                cases.add(c.trim());
            }
        }
        Set<String> hot = new TreeSet<>();
        for (Field f : opcodeFields()) {
            if (Opcode.isHot(f.getInt(null))) {
                hot.add(f.getName());
            }
        }
        assertFalse(hot.isEmpty());
        assertEquals(hot, cases);
    }
}
