package org.gilectomy.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTest {
    @Test
    void writesScalars() {
        assertEquals("null", Json.write(null));
        assertEquals("true", Json.write(true));
        assertEquals("42", Json.write(42L));
        assertEquals("1.5", Json.write(1.5));
        assertEquals("0.0001", Json.write(1e-4));
        assertEquals("null", Json.write(Double.NaN));
        assertEquals("1.234567890", Json.write(BigDecimal.valueOf(1234567890L, 9)));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", Json.write("a\"b\\c\n\u0001"));
    }

    @Test
    void roundTripsAnObjectKeepingKeyOrder() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("wall_s", 1.25);
        m.put("preset", "gil \"quoted\"");
        m.put("count", 7L);
        m.put("flag", false);
        m.put("none", null);
        m.put("list", Arrays.asList(1L, "x", null));
        Map<String, Object> back = Json.parseObject(Json.writePretty(m));
        assertEquals(List.copyOf(m.keySet()), List.copyOf(back.keySet()));
        assertEquals(m, back);
        assertEquals(m, Json.parseObject(Json.write(m)));
    }

    @Test
    void parsesNumbersAsLongOrDouble() {
        Map<String, Object> m = Json.parseObject("{\"a\": -3, \"b\": 2.5e-3, \"c\": 1E2, \"d\": \"\\u00e9\\/\"}");
        assertEquals(-3L, m.get("a"));
        assertEquals(0.0025, m.get("b"));
        assertEquals(100.0, m.get("c"));
        assertEquals("\u00e9/", m.get("d"));
    }

    @Test
    void rejectsMalformedText() {
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": }"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\": 1} x"));
        assertThrows(IllegalArgumentException.class, () -> Json.parse("[1, 2"));
        assertThrows(IllegalArgumentException.class, () -> Json.parseObject("[1]"));
    }
}
