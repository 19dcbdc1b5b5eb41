package org.gilectomy.bench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatisticsTest {
    @Test
    void medianOfOddCountIsTheMiddleValue() {
        assertEquals(2.0, Statistics.median(new double[] {3.0, 1.0, 2.0}));
        assertEquals(5.0, Statistics.median(new double[] {5.0}));
    }

    @Test
    void medianOfEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Statistics.median(new double[] {4.0, 1.0, 3.0, 2.0}));
    }

    @Test
    void unknownValuesAreIgnored() {
        assertEquals(2.0, Statistics.median(new double[] {Double.NaN, 2.0}));
        assertTrue(Double.isNaN(Statistics.median(new double[] {Double.NaN})));
        assertTrue(Double.isNaN(Statistics.median(new double[0])));
        assertEquals(1.0, Statistics.min(new double[] {Double.NaN, 3.0, 1.0}));
        assertEquals(3.0, Statistics.max(new double[] {Double.NaN, 3.0, 1.0}));
    }

    @Test
    void ratioIsUnknownForUnknownOrZeroDenominators() {
        assertEquals(2.0, Statistics.ratio(3.0, 1.5));
        assertTrue(Double.isNaN(Statistics.ratio(1.0, 0.0)));
        assertTrue(Double.isNaN(Statistics.ratio(Double.NaN, 1.0)));
    }
}
