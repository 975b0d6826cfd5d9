package dev.portolan.jq.builtins;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portolan.jq.JqException;
import dev.portolan.jq.value.Json;
import dev.portolan.jq.value.Values;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/** libm-style math functions on numbers, and the number classification builtins. */
final class MathBuiltins {
    private MathBuiltins() {
    }

    static void register(Registry r) {
        unary(r, "floor", Math::floor);
        unary(r, "ceil", Math::ceil);
        unary(r, "round", d -> d < 0 ? -Math.floor(-d + 0.5) : Math.floor(d + 0.5));
        unary(r, "rint", Math::rint);
        unary(r, "nearbyint", Math::rint);
        unary(r, "trunc", d -> d < 0 ? Math.ceil(d) : Math.floor(d));
        unary(r, "sqrt", Math::sqrt);
        unary(r, "cbrt", Math::cbrt);
        unary(r, "fabs", Math::abs);
        unary(r, "exp", Math::exp);
        unary(r, "exp2", d -> Math.pow(2, d));
        unary(r, "exp10", d -> Math.pow(10, d));
        unary(r, "expm1", Math::expm1);
        unary(r, "log", Math::log);
        unary(r, "log2", d -> Math.log(d) / Math.log(2));
        unary(r, "log10", Math::log10);
        unary(r, "log1p", Math::log1p);
        unary(r, "logb", d -> Math.floor(Math.log(Math.abs(d)) / Math.log(2)));
        unary(r, "significand", d -> d == 0 || Double.isInfinite(d) || Double.isNaN(d) ? d
                : d / Math.pow(2, Math.getExponent(d)));
        unary(r, "sin", Math::sin);
        unary(r, "cos", Math::cos);
        unary(r, "tan", Math::tan);
        unary(r, "asin", Math::asin);
        unary(r, "acos", Math::acos);
        unary(r, "atan", Math::atan);
        unary(r, "sinh", Math::sinh);
        unary(r, "cosh", Math::cosh);
        unary(r, "tanh", Math::tanh);
        unary(r, "asinh", d -> Math.log(d + Math.sqrt(d * d + 1)));
        unary(r, "acosh", d -> Math.log(d + Math.sqrt(d * d - 1)));
        unary(r, "atanh", d -> 0.5 * Math.log((1 + d) / (1 - d)));
        unary(r, "gamma", Gamma::lgamma);
        unary(r, "lgamma", Gamma::lgamma);
        unary(r, "lgamma_r", Gamma::lgamma);
        unary(r, "tgamma", Gamma::tgamma);
        unary(r, "j0", Bessel::j0);
        unary(r, "j1", Bessel::j1);
        unary(r, "y0", Bessel::y0);
        unary(r, "y1", Bessel::y1);
        unary(r, "pow10", d -> Math.pow(10, d));
        binary(r, "pow", Math::pow);
        binary(r, "atan2", Math::atan2);
        binary(r, "fmod", (a, b) -> a % b);
        binary(r, "hypot", Math::hypot);
        binary(r, "copysign", Math::copySign);
        binary(r, "fmin", Math::min);
        binary(r, "fmax", Math::max);
        binary(r, "fdim", (a, b) -> a > b ? a - b : 0);
        binary(r, "ldexp", (a, b) -> a * Math.pow(2, b));
        binary(r, "scalb", (a, b) -> a * Math.pow(2, b));
        binary(r, "scalbln", (a, b) -> a * Math.pow(2, b));
        binary(r, "nextafter", Math::nextAfter);
        binary(r, "nexttoward", Math::nextAfter);
        binary(r, "drem", Math::IEEEremainder);
        binary(r, "remainder", Math::IEEEremainder);
        r.value("fma", 3, (in, a) -> Json.number(num(a[0], "fma") * num(a[1], "fma") + num(a[2], "fma")));
        r.unary("frexp", in -> {
            double d = num(in, "frexp");
            if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
                return Json.array().add(Json.number(d)).add(0);
            }
            int e = Math.getExponent(d) + 1;
            return Json.array().add(Json.number(d / Math.pow(2, e))).add(e);
        });
        r.unary("modf", in -> {
            double d = num(in, "modf");
            double whole = d < 0 ? Math.ceil(d) : Math.floor(d);
            return Json.array().add(Json.number(Double.isInfinite(d) ? 0.0 : d - whole)).add(Json.number(whole));
        });
        // jq defines abs as `if . < 0 then - . else . end`: strings and the like pass through.
        r.unary("abs", in -> Values.compare(in, Json.number(0)) < 0 && !(in.isNumber() && in.doubleValue() == 0)
                ? dev.portolan.jq.value.Arith.negate(in) : in);
        r.unary("infinite", in -> Json.number(Double.POSITIVE_INFINITY));
        r.unary("nan", in -> Json.number(Double.NaN));
        r.unary("isinfinite", in -> Json.bool(Double.isInfinite(num(in, "isinfinite"))));
        r.unary("isfinite", in -> {
            double d = num(in, "isfinite");
            return Json.bool(!Double.isNaN(d) && !Double.isInfinite(d));
        });
        r.unary("isnan", in -> Json.bool(Double.isNaN(num(in, "isnan"))));
        r.unary("isnormal", in -> {
            double d = Math.abs(num(in, "isnormal"));
            return Json.bool(d >= Double.MIN_NORMAL && !Double.isInfinite(d));
        });
    }

    static double num(JsonNode v, String function) {
        if (!v.isNumber()) {
            throw new JqException(Values.describe(v) + " number required");
        }
        return v.doubleValue();
    }

    private static void unary(Registry r, String name, DoubleUnaryOperator f) {
        r.unary(name, in -> Json.number(f.applyAsDouble(num(in, name))));
    }

    private static void binary(Registry r, String name, DoubleBinaryOperator f) {
        r.value(name, 2, (in, a) -> Json.number(f.applyAsDouble(num(a[0], name), num(a[1], name))));
    }
}
