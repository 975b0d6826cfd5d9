package dev.portolan.catalog.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StringFormatsTest {

    /**
     * The usual shape is checked by hand, the rest by the parser: both must say what the parser says.
     * Random date-times of every fraction length and offset, then the same with one character
     * replaced by a random digit or sign (days that do not exist, hours of 24 or more, offsets past
     * 18 hours, ...).
     */
    @Test
    void dateTimesAreAcceptedExactlyWhenOffsetDateTimeParsesThem() {
        java.util.Random random = new java.util.Random(7);
        String replacements = "0123456789+-:.TZ";
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(-62_135_596_800L, 253_402_300_799L); // years 0001 to 9999
            int nanos = random.nextInt(1_000_000_000);
            String fraction = String.format("%09d", nanos).substring(0, random.nextInt(10));
            int offsetMinutes = random.nextInt(-18 * 60, 18 * 60 + 1);
            String offset = offsetMinutes == 0 && random.nextBoolean() ? "Z"
                    : String.format("%s%02d:%02d", offsetMinutes < 0 ? "-" : "+", Math.abs(offsetMinutes) / 60, Math.abs(offsetMinutes) % 60);
            String text = java.time.LocalDateTime.ofEpochSecond(second, 0, java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss"))
                    + (fraction.isEmpty() ? "" : "." + fraction) + offset;
            assertThat(StringFormats.matches("date-time", text)).as(text).isTrue();
            char[] mutated = text.toCharArray();
            mutated[random.nextInt(mutated.length)] = replacements.charAt(random.nextInt(replacements.length()));
            String other = new String(mutated);
            assertThat(StringFormats.matches("date-time", other)).as(other).isEqualTo(parses(other));
        }
    }

    private static boolean parses(String text) {
        try {
            java.time.OffsetDateTime.parse(text);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T12:00:00Z", "2024-05-01T12:00:00+02:00", "2024-05-01T12:00:00-05:30",
            "2024-05-01T12:00:00.123Z", "2024-05-01T12:00:00.123456789+00:00", "2024-02-29T23:59:59Z", "2024-05-01T12:00Z"})
    void acceptsDateTimesWithAnOffsetOrZ(String text) {
        assertThat(StringFormats.matches("date-time", text)).isTrue();
        assertThat(StringFormats.matches("timer", text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T12:00:00", "2024-05-01", "12:00:00Z", "2024-13-01T00:00:00Z", "2023-02-29T00:00:00Z",
            "2024-05-01T25:00:00Z", "2024-05-01 12:00:00Z", "yesterday", "1714564800", "", "2024-04-31T00:00:00Z",
            "2024-05-01T12:00:60Z", "2024-05-01T12:00:00+18:01", "2024-05-01T12:00:00.1234567890Z",
            "2024-05-01T12:00:00+0a:00", "+2024-05-01T12:00:00Z"})
    void refusesDateTimesWithoutAnOffsetOrThatDoNotExist(String text) {
        assertThat(StringFormats.matches("date-time", text)).isFalse();
        assertThat(StringFormats.matches("timer", text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.com", "http://localhost:8080/path?q=1#frag", "https://example.com/a%20b",
            "ftp://files.example.com/pub", "https://user@example.com:8443/x", "http://[::1]:8080/"})
    void acceptsAbsoluteUrls(String text) {
        assertThat(StringFormats.matches("url", text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "/relative/path", "not a url", "https://exa mple.com", "https://", "://no-scheme",
            "http://exa<mple.com", ""})
    void refusesRelativeOrBrokenUrls(String text) {
        assertThat(StringFormats.matches("url", text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b.co", "first.last+tag@sub.example.com", "o'brien@example.ie", "x_y-z@example-domain.io"})
    void acceptsEmailAddresses(String text) {
        assertThat(StringFormats.matches("email", text)).isTrue();
        assertThat(StringFormats.matches("user", text)).isTrue();
        assertThat(StringFormats.matches("idn-email", text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a@b", "a@@b.com", "a b@c.com", "@example.com", "a@", "a@-example.com",
            "a@example..com", "a@example.com.", ""})
    void refusesMalformedEmailAddresses(String text) {
        assertThat(StringFormats.matches("email", text)).isFalse();
        assertThat(StringFormats.matches("user", text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"josé@example.com", "用户@例子.广告", "пользователь@пример.рф"})
    void acceptsInternationalAddressesOnlyAsIdnEmail(String text) {
        assertThat(StringFormats.matches("idn-email", text)).isTrue();
        assertThat(StringFormats.matches("email", text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-at-sign", "a@b", "a b@c.d", "a@b@c.d", ""})
    void refusesMalformedIdnEmailAddresses(String text) {
        assertThat(StringFormats.matches("idn-email", text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "10.0.0.1", "127.0.0.1", "192.168.1.254", "255.255.255.255", "249.199.99.9"})
    void acceptsIpv4Addresses(String text) {
        assertThat(StringFormats.matches("ipv4", text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"256.1.1.1", "1.256.1.1", "1.1.1.300", "1.1.1", "1.1.1.1.1", "01.1.1.1", "1.1.1.-1", "a.b.c.d",
            "1..1.1", " 1.1.1.1", "1.1.1.1 ", "1.1.1.1/24", "::1", ""})
    void refusesAnythingElseAsIpv4(String text) {
        assertThat(StringFormats.matches("ipv4", text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "::", "2001:db8::8a2e:370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
            "::ffff:192.168.0.1", "fe80::1", "1::", "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4",
            "FE80::ABCD"})
    void acceptsIpv6Addresses(String text) {
        assertThat(StringFormats.matches("ipv6", text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "1::2::3", ":::", "12345::", "g::1",
            "::ffff:256.1.1.1", "::1.2.3.4:1", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", "1:2:3:4:5:6:7:1.2.3.4",
            "192.168.0.1", ":", "", "fe80::1%eth0"})
    void refusesAnythingElseAsIpv6(String text) {
        assertThat(StringFormats.matches("ipv6", text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"markdown", "yaml", "team", "proto", "labeled-url"})
    void acceptsAnyTextForFreeTextFormats(String format) {
        assertThat(StringFormats.matches(format, "# anything: at all\n- even [this](x)")).isTrue();
        assertThat(StringFormats.matches(format, "")).isTrue();
    }
}
