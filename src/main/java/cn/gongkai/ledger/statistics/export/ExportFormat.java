package cn.gongkai.ledger.statistics.export;

/** The formats the annual tables are exported in, with what an HTTP response needs to serve them. */
public enum ExportFormat {
    JSON("application/json", "json"),
    CSV("text/csv; charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    HTML("text/html; charset=UTF-8", "html");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
