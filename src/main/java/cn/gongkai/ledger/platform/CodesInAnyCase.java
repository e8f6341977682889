package cn.gongkai.ledger.platform;

import java.util.Locale;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;
import org.springframework.format.FormatterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Codes in paths and query parameters ({@code /cells/received/total}, {@code ?format=xlsx},
 * {@code ?status=in_progress}) are read in any case: a code is a name, and nobody means
 * {@code xlsx} to differ from {@code XLSX}. An unknown code still fails conversion, and the error
 * answer lists the valid ones ({@link ExpectedFormat}). JSON bodies keep their exact codes
 * ({@link StrictJson}): they are written by programs, and their codes are pinned in the events.
 */
@Component
class CodesInAnyCase implements WebMvcConfigurer {

    @Override
    public void addFormatters(FormatterRegistry registry) {
        // added after Spring's own String-to-Enum factory, so this one is asked first
        registry.addConverterFactory(new AnyCase());
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class AnyCase implements ConverterFactory<String, Enum> {

        @Override
        public <T extends Enum> Converter<String, T> getConverter(Class<T> targetType) {
            Class<?> enumType = targetType;
            while (enumType != null && !enumType.isEnum()) {
                enumType = enumType.getSuperclass();
            }
            Class<?> type = enumType;
            return source -> {
                String code = source.strip();
                if (code.isEmpty()) {
                    return null;
                }
                // ASCII only: Unicode case folding would let the Kelvin sign stand for a K
                String upper = code.chars().allMatch(c -> c < 128) ? code.toUpperCase(Locale.ROOT) : code;
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equals(upper)) {
                        return (T) constant;
                    }
                }
                // the input stays out of the message: exception messages may reach a log
                throw new IllegalArgumentException("not a code of " + type.getSimpleName());
            };
        }
    }
}
