package cn.gongkai.ledger.requests.write.notices;

import org.springframework.http.MediaType;

/** The files a notice is rendered to. */
public enum NoticeFormat {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PDF("application/pdf", "pdf"),
    /** The preview's source, and the PDF's. */
    HTML("application/xhtml+xml;charset=UTF-8", "xhtml");

    private final String contentType;
    private final String extension;

    NoticeFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    MediaType mediaType() {
        return MediaType.parseMediaType(contentType);
    }

    String extension() {
        return extension;
    }
}
