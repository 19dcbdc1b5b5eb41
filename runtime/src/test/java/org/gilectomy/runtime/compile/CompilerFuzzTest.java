package org.gilectomy.runtime.compile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.gilectomy.runtime.parse.PySyntaxError;
import org.gilectomy.runtime.parse.SourceDecoder;
import org.junit.jupiter.api.Test;

/**
 * Mangled versions of the corpus programs go through the parser and the compiler: each must
 * end in a code object or a PySyntaxError (SyntaxError, IndentationError, NotImplementedError,
 * ...), never another Java exception. Seeds are fixed, so a failure reproduces.
 */
class CompilerFuzzTest {
    private static final String ALPHABET = "()[]{}:;,.=+-*/%<>!&|^~ \n\t\"'#\\_0123456789abcxyz"
            + "def if else elif while for in return global import from and or not pass break continue";

    @Test
    void mutatedProgramsCompileOrRaisePythonErrors() throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/programs"))) {
            for (Path p : (Iterable<Path>) s.filter(f -> f.toString().endsWith(".py")).sorted()::iterator) {
                try { // decoded as the runtime reads a file: some are Latin-1, or not text at all
                    sources.add(SourceDecoder.decode(Files.readAllBytes(p), p.toString()));
                } catch (PySyntaxError undecodable) {
                    // a program that tests the refusal of undecodable bytes
                }
            }
        }
        assertFalse(sources.isEmpty());
        SplittableRandom random = new SplittableRandom(20261121);
        int compiled = 0;
        int rejected = 0;
        for (int i = 0; i < 4000; i++) {
            String original = sources.get(random.nextInt(sources.size()));
            String mutant = mutate(original, random);
            try {
                Compiler.compileModule(mutant, "<fuzz " + i + ">");
                compiled++;
            } catch (PySyntaxError expected) {
                rejected++;
            } catch (RuntimeException | Error e) {
                fail("mutant " + i + " threw " + e + "\n--- source ---\n" + mutant, e);
            }
        }
        // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
        assertFalse(compiled == 0 || rejected == 0, "compiled " + compiled + ", rejected " + rejected);
    }

    private static String mutate(String src, SplittableRandom r) {
        StringBuilder sb = new StringBuilder(src);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && sb.length() > 0; e++) {
            int at = r.nextInt(sb.length());
            switch (r.nextInt(4)) {
                case 0 -> sb.deleteCharAt(at);
                case 1 -> sb.insert(at, ALPHABET.charAt(r.nextInt(ALPHABET.length())));
                case 2 -> {
                    int len = Math.min(1 + r.nextInt(20), sb.length() - at);
                    String piece = sb.substring(at, at + len);
                    sb.insert(r.nextInt(sb.length()), piece); // duplicate a fragment elsewhere
                }
                default -> {
                    int words = ALPHABET.indexOf("def");
                    String[] kw = ALPHABET.substring(words).split(" ");
                    sb.insert(at, " " + kw[r.nextInt(kw.length)] + " ");
                }
            }
        }
        return sb.toString();
    }
}
