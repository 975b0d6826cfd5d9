package dev.portolan.jq.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * jq's double printing (its {@code jvp_dtoa_fmt}): the shortest digits that read back to the same
 * double, in plain notation unless the exponent is below -4 or the number would need more than 15
 * padding zeros, then as {@code d.ddde+XX} with at least two exponent digits.
 */
final class DoubleFormat {
    private DoubleFormat() {
    }

    static String format(double d) {
        StringBuilder sb = new StringBuilder();
        if (d < 0) {
            sb.append('-');
            d = -d;
        }
        // Java's Double.toString yields the shortest round-tripping digits (JDK 19+).
        String repr = Double.toString(d);
        int e = repr.indexOf('E');
        String mantissa = e < 0 ? repr : repr.substring(0, e);
        int exponent = e < 0 ? 0 : Integer.parseInt(repr.substring(e + 1));
        int dot = mantissa.indexOf('.');
        String digits = mantissa.substring(0, dot) + mantissa.substring(dot + 1);
        int decpt = dot + exponent;
        int lead = 0;
        while (lead < digits.length() - 1 && digits.charAt(lead) == '0') {
            lead++;
            decpt--;
        }
        digits = digits.substring(lead);
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        digits = digits.substring(0, end);
        if (digits.length() == 2) {
            // Double.toString never gives fewer than two digits, so where one digit reads back
            // (subnormals: 4.9E-324, 9.9E-324) jq's shortest form has one: 5e-324, 1e-323.
            BigDecimal one = new BigDecimal(d).round(new MathContext(1, RoundingMode.HALF_EVEN));
            if (one.doubleValue() == d) {
                digits = one.unscaledValue().toString();
                decpt = one.precision() - one.scale();
            }
        }
        if (decpt <= -4 || decpt > digits.length() + 15) {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int x = decpt - 1;
            sb.append('e').append(x < 0 ? '-' : '+');
            x = Math.abs(x);
            if (x < 10) {
                sb.append('0');
            }
            sb.append(x);
        } else if (decpt <= 0) {
            sb.append("0.");
            sb.append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            sb.append(digits).append("0".repeat(decpt - digits.length()));
        } else {
            sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return sb.toString();
    }
}
