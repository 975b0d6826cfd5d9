package dev.portolan.jq.builtins;

/**
 * Bessel functions of the first and second kind, orders 0 and 1, for {@code j0 j1 y0 y1}
 * (java.lang.Math has none). Rational approximations for small arguments and the asymptotic
 * phase/amplitude forms for large ones (Abramowitz and Stegun 9.4), accurate to about 1e-8.
 */
final class Bessel {
    private Bessel() {
    }

    private static double poly(double x, double... c) {
        double r = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            r = r * x + c[i];
        }
        return r;
    }

    static double j0(double x) {
        double ax = Math.abs(x);
        if (ax < 8.0) {
            double y = x * x;
            return poly(y, 57568490574.0, -13362590354.0, 651619640.7, -11214424.18, 77392.33017, -184.9052456)
                    / poly(y, 57568490411.0, 1029532985.0, 9494680.718, 59272.64853, 267.8532712, 1.0);
        }
        double z = 8.0 / ax;
        double y = z * z;
        double xx = ax - 0.785398164;
        double p = poly(y, 1.0, -0.1098628627e-2, 0.2734510407e-4, -0.2073370639e-5, 0.2093887211e-6);
        double q = poly(y, -0.1562499995e-1, 0.1430488765e-3, -0.6911147651e-5, 0.7621095161e-6, -0.934935152e-7);
        return Math.sqrt(0.636619772 / ax) * (Math.cos(xx) * p - z * Math.sin(xx) * q);
    }

    static double j1(double x) {
        double ax = Math.abs(x);
        if (ax < 8.0) {
            double y = x * x;
            return x * poly(y, 72362614232.0, -7895059235.0, 242396853.1, -2972611.439, 15704.48260, -30.16036606)
                    / poly(y, 144725228442.0, 2300535178.0, 18583304.74, 99447.43394, 376.9991397, 1.0);
        }
        double z = 8.0 / ax;
        double y = z * z;
        double xx = ax - 2.356194491;
        double p = poly(y, 1.0, 0.183105e-2, -0.3516396496e-4, 0.2457520174e-5, -0.240337019e-6);
        double q = poly(y, 0.04687499995, -0.2002690873e-3, 0.8449199096e-5, -0.88228987e-6, 0.105787412e-6);
        double r = Math.sqrt(0.636619772 / ax) * (Math.cos(xx) * p - z * Math.sin(xx) * q);
        return x < 0 ? -r : r;
    }

    static double y0(double x) {
        if (x < 0) {
            return Double.NaN;
        }
        if (x < 8.0) {
            double y = x * x;
            double r = poly(y, -2957821389.0, 7062834065.0, -512359803.6, 10879881.29, -86327.92757, 228.4622733)
                    / poly(y, 40076544269.0, 745249964.8, 7189466.438, 47447.26470, 226.1030244, 1.0);
            return r + 0.636619772 * j0(x) * Math.log(x);
        }
        double z = 8.0 / x;
        double y = z * z;
        double xx = x - 0.785398164;
        double p = poly(y, 1.0, -0.1098628627e-2, 0.2734510407e-4, -0.2073370639e-5, 0.2093887211e-6);
        double q = poly(y, -0.1562499995e-1, 0.1430488765e-3, -0.6911147651e-5, 0.7621095161e-6, -0.934945152e-7);
        return Math.sqrt(0.636619772 / x) * (Math.sin(xx) * p + z * Math.cos(xx) * q);
    }

    static double y1(double x) {
        if (x < 0) {
            return Double.NaN;
        }
        if (x < 8.0) {
            double y = x * x;
            double r = x * poly(y, -0.4900604943e13, 0.1275274390e13, -0.5153438139e11, 0.7349264551e9,
                    -0.4237922726e7, 0.8511937935e4)
                    / poly(y, 0.2499580570e14, 0.4244419664e12, 0.3733650367e10, 0.2245904002e8,
                    0.1020426050e6, 0.3549632885e3, 1.0);
            return r + 0.636619772 * (j1(x) * Math.log(x) - 1.0 / x);
        }
        double z = 8.0 / x;
        double y = z * z;
        double xx = x - 2.356194491;
        double p = poly(y, 1.0, 0.183105e-2, -0.3516396496e-4, 0.2457520174e-5, -0.240337019e-6);
        double q = poly(y, 0.04687499995, -0.2002690873e-3, 0.8449199096e-5, -0.88228987e-6, 0.105787412e-6);
        return Math.sqrt(0.636619772 / x) * (Math.sin(xx) * p + z * Math.cos(xx) * q);
    }
}
