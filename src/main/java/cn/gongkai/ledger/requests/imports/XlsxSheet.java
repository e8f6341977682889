package cn.gongkai.ledger.requests.imports;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an XLSX workbook held in memory, read row by row as text without building the
 * workbook: POI's event API over the ZIP read in place, so that a register of 200,000 rows costs its
 * text, not a document model of every cell (hundreds of bytes each, gigabytes for such a register), and
 * the upload is never written to disk (it holds applicants' personal data). Each entry is inflated as it
 * is read, at most {@value #MOST_BYTES_PER_ENTRY} bytes and at most {@value #MOST_INFLATION} times its
 * compressed size (a ZIP bomb is refused, not unpacked). Cells read as Excel shows them, but dates as
 * ISO dates ({@code 2024-01-05}) whatever their display format; a cell beyond column
 * {@value #MOST_COLUMNS} is ignored.
 */
final class XlsxSheet {

    static final long MOST_BYTES_PER_ENTRY = 512L * 1024 * 1024;
    static final int MOST_INFLATION = 200;
    static final int MOST_COLUMNS = 1_024;

    /** Receives the rows in order: 1-based row number as a spreadsheet shows it, the cells from column A. */
    interface Rows {
        void row(int number, List<String> cells);
    }

    private XlsxSheet() {
    }

    /**
     * Reads the first sheet into {@code rows}. {@code IOException} for a file that is not a readable XLSX
     * workbook (or a ZIP bomb); what {@code rows} throws comes out as thrown.
     */
    static void read(byte[] content, Rows rows) throws IOException {
        try (InMemoryZip zip = new InMemoryZip(content); OPCPackage workbook = OPCPackage.open(zip)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new IOException("the workbook has no sheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(workbook), new RowCollector(rows), new IsoDates(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (SAXException e) {
            if (e.getException() instanceof RuntimeException thrown) {
                throw thrown;
            }
            throw new IOException(e);
        } catch (OpenXML4JException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException(e);
        }
    }

    /** Turns POI's cell-by-cell callbacks into rows of text from column A, empty where a cell is absent. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final Rows rows;
        private final TreeMap<Integer, String> cells = new TreeMap<>();
        private int nextColumn;

        RowCollector(Rows rows) {
            this.rows = rows;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            List<String> row = new ArrayList<>();
            if (!cells.isEmpty()) {
                for (int column = 0; column <= cells.lastKey(); column++) {
                    row.add(cells.getOrDefault(column, ""));
                }
            }
            rows.row(rowNum + 1, row);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? nextColumn : new CellReference(cellReference).getCol();
            nextColumn = column + 1;
            if (column >= 0 && column < MOST_COLUMNS) {
                cells.put(column, formattedValue == null ? "" : formattedValue);
            }
        }
    }

    /** Excel's display, but a date as an ISO date: a register's dates are read, not shown. */
    private static final class IsoDates extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }
    }

    /** The ZIP entries of bytes in memory, each inflated only as it is read, within the bounds above. */
    private static final class InMemoryZip implements ZipEntrySource {

        private final ZipFile zip;
        private boolean closed;

        InMemoryZip(byte[] content) throws IOException {
            this.zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get();
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            return zip.getEntries();
        }

        @Override
        public ZipArchiveEntry getEntry(String path) {
            return zip.getEntry(path);
        }

        @Override
        public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
            return new Bounded(zip.getInputStream(entry), entry);
        }

        @Override
        public void close() throws IOException {
            closed = true;
            zip.close();
        }

        @Override
        public boolean isClosed() {
            return closed;
        }
    }

    /** Counts what an entry inflates to and stops at the bounds. */
    private static final class Bounded extends FilterInputStream {

        private final ZipArchiveEntry entry;
        private long read;

        Bounded(InputStream in, ZipArchiveEntry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long bytes) throws IOException {
            read += bytes;
            long compressed = Math.max(entry.getCompressedSize(), 1);
            if (read > MOST_BYTES_PER_ENTRY || (read > 1_048_576 && read > MOST_INFLATION * compressed)) {
                throw new IOException("the ZIP entry " + entry.getName() + " inflates beyond the bounds");
            }
        }
    }
}
