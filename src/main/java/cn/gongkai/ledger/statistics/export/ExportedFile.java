package cn.gongkai.ledger.statistics.export;

import java.util.Arrays;
import java.util.Objects;

/**
 * An export ready to be served or stored.
 *
 * @param fileName  an ASCII file name, {@code <agency>-<year>-annual-tables.<ext>}, safe in a
 *                  {@code Content-Disposition} header as it is
 * @param mediaType the content type, with the charset for text formats
 * @param content   the bytes; copied in and out, so the record stays immutable
 */
public record ExportedFile(String fileName, String mediaType, byte[] content) {

    public ExportedFile {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(mediaType, "mediaType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ExportedFile that
                && fileName.equals(that.fileName)
                && mediaType.equals(that.mediaType)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fileName, mediaType, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "ExportedFile[" + fileName + ", " + mediaType + ", " + content.length + " bytes]";
    }
}
