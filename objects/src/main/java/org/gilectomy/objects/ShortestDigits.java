package org.gilectomy.objects;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The shortest decimal that reads back as a given double, and of those the one nearest to it:
 * what CPython's {@code repr(float)} prints (its dtoa "mode 0"). Java 17's
 * {@code Double.toString} is not that (it gives {@code 9.999999999999999E22} for 1e23 and 18
 * digits for 2**60), so the digits are searched for here.
 *
 * <p>Whether some p-digit decimal reads back as v is monotone in p (a p-digit decimal is also a
 * (p+1)-digit one), and 17 digits always suffice. Java's own string, which always reads back,
 * bounds the length from above, so the search walks down from it and usually stops after one or
 * two roundings. At each length the candidates are the exact binary value rounded half-even,
 * down and up: the nearest p-digit decimal can fall outside the read-back interval while the one
 * on the other side is inside (the interval is lopsided at powers of two). Reading back uses
 * {@link Double#parseDouble}, which is correctly rounded, so decimals exactly halfway to a
 * neighbour count as the IEEE round-half-even rule says.
 */
final class ShortestDigits {
    private ShortestDigits() {
    }

    /** The digits (no leading or trailing zeros) and decimal exponent of the first digit. */
    record Decimal(String digits, int exponent) {
    }

    /** For a finite, positive v. */
    static Decimal of(double v) {
        BigDecimal exact = new BigDecimal(v);
        int upper = Math.min(17, significantDigits(Double.toString(v)));
        Decimal best = nearestReadingBack(exact, v, upper);
        if (best == null) { // Java's string had more than 17 digits, or the bound was off
            best = nearestReadingBack(exact, v, 17);
        }
        for (int p = upper - 1; p >= 1; p--) {
            Decimal shorter = nearestReadingBack(exact, v, p);
            if (shorter == null) {
                break;
            }
            best = shorter;
        }
        return best;
    }

    /** The p-digit decimal nearest v that reads back as v, or null if none does. */
    private static Decimal nearestReadingBack(BigDecimal exact, double v, int p) {
        BigDecimal even = exact.round(new MathContext(p, RoundingMode.HALF_EVEN));
        if (readsBack(even, v)) {
            return decimal(even); // the nearest; on a tie, the even digit, as dtoa does
        }
        // Rounded half-even failed, so whichever of the two neighbours it was not is the only hope.
        BigDecimal down = exact.round(new MathContext(p, RoundingMode.DOWN));
        BigDecimal other = down.compareTo(even) == 0 ? exact.round(new MathContext(p, RoundingMode.UP)) : down;
        return readsBack(other, v) ? decimal(other) : null;
    }

    private static boolean readsBack(BigDecimal d, double v) {
        return Double.parseDouble(d.toString()) == v;
    }

    private static Decimal decimal(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        String digits = s.unscaledValue().toString();
        return new Decimal(digits, digits.length() - 1 - s.scale());
    }

    /** Digits of Java's {@code Double.toString} form, without leading and trailing zeros. */
    private static int significantDigits(String javaForm) {
        int e = javaForm.indexOf('E');
        String mantissa = (e < 0 ? javaForm : javaForm.substring(0, e)).replace(".", "");
        int start = 0;
        while (start < mantissa.length() - 1 && mantissa.charAt(start) == '0') {
            start++;
        }
        int end = mantissa.length();
        while (end > start + 1 && mantissa.charAt(end - 1) == '0') {
            end--;
        }
        return end - start;
    }
}
