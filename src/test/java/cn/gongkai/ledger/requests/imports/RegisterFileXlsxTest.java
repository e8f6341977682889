package cn.gongkai.ledger.requests.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gongkai.ledger.platform.FieldProblem;
import cn.gongkai.ledger.platform.InputRejected;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * An XLSX register is read row by row ({@link XlsxSheet}): a workbook of tens of thousands of rows as
 * Excel writes it (dates as date cells in a Chinese display format, blank rows, a stray cell far to the
 * right), and a workbook whose sheet inflates a thousandfold (a ZIP bomb) refused as unreadable.
 */
class RegisterFileXlsxTest {

    private static final int ROWS = 20_000;

    @Test
    void aLargeWorkbookIsReadRowByRowWithItsDatesAsIsoDates() throws IOException {
        RegisterFile file = RegisterFile.read(workbook(ROWS));

        assertThat(file.lines()).hasSize(ROWS);
        RegisterFile.Line first = file.lines().getFirst();
        assertThat(first.number()).as("the header is row 1").isEqualTo(2);
        assertThat(first.get(RegisterColumn.REGISTRATION_NUMBER)).isEqualTo("2021-0001");
        assertThat(first.get(RegisterColumn.RECEIVED_ON)).as("a date cell shown as 2021年3月8日").isEqualTo("2021-03-08");
        assertThat(first.get(RegisterColumn.CHANNEL)).isEqualTo("互联网渠道");
        assertThat(first.get(RegisterColumn.ADDRESS)).as("a cell left empty").isEmpty();
        RegisterFile.Line last = file.lines().getLast();
        assertThat(last.number()).as("one blank row skipped on the way").isEqualTo(ROWS + 2);
        assertThat(last.get(RegisterColumn.REGISTRATION_NUMBER)).isEqualTo("2021-%04d".formatted(ROWS));
        assertThat(last.get(RegisterColumn.CONCLUDED_ON)).isEqualTo(LocalDate.of(2021, 3, 8).plusDays(ROWS % 200).toString());
    }

    @Test
    void aWorkbookWhoseSheetInflatesAThousandfoldIsRefusedAsUnreadable() throws IOException {
        byte[] bomb = withSheetPadded(workbook(3), 64 * 1024 * 1024);
        assertThat(bomb.length).as("the bomb itself is small").isLessThan(1024 * 1024);

        InputRejected rejected = catchThrowableOfType(InputRejected.class, () -> RegisterFile.read(bomb));

        assertThat(rejected).isNotNull();
        assertThat(rejected.problems()).extracting(FieldProblem::field).containsExactly("file");
    }

    @Test
    void theSameWorkbookWithoutThePaddingIsRead() throws IOException {
        assertThat(RegisterFile.read(withSheetPadded(workbook(3), 0)).lines()).hasSize(3);
    }

    /** A register as a clerk's Excel writes it: the template's headers, then {@code rows} applications. */
    private static byte[] workbook(int rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("台账");
            CellStyle chineseDate = workbook.createCellStyle();
            chineseDate.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
            Row header = sheet.createRow(0);
            RegisterColumn[] columns = RegisterColumn.values();
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i].header());
            }
            int rowIndex = 1;
            for (int n = 1; n <= rows; n++) {
                if (n == 3) {
                    rowIndex++; // a blank row, as clerks leave them
                }
                Row row = sheet.createRow(rowIndex++);
                LocalDate received = LocalDate.of(2021, 3, 8);
                for (int i = 0; i < columns.length; i++) {
                    switch (columns[i]) {
                        case REGISTRATION_NUMBER -> row.createCell(i).setCellValue("2021-%04d".formatted(n));
                        case RECEIVED_ON -> {
                            row.createCell(i).setCellValue(received);
                            row.getCell(i).setCellStyle(chineseDate);
                        }
                        case CHANNEL -> row.createCell(i).setCellValue("互联网渠道");
                        case APPLICANT_CATEGORY -> row.createCell(i).setCellValue("自然人");
                        case APPLICANT_NAME -> row.createCell(i).setCellValue("申请人" + n);
                        case INFORMATION_REQUESTED -> row.createCell(i).setCellValue("第" + n + "号项目的环评批复");
                        case OUTCOME -> row.createCell(i).setCellValue("(一) 予以公开");
                        case CONCLUDED_ON -> row.createCell(i).setCellValue(received.plusDays(n % 200).toString());
                        default -> {
                        }
                    }
                }
                if (n == 2) {
                    row.createCell(15_000).setCellValue("页边备注");
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /** The workbook with {@code padding} spaces inside its sheet's XML (between two elements, where XML allows them). */
    private static byte[] withSheetPadded(byte[] xlsx, int padding) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipFile in = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(xlsx)).get();
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipArchiveEntry entry : java.util.Collections.list(in.getEntries())) {
                byte[] bytes;
                try (InputStream entryBytes = in.getInputStream(entry)) {
                    bytes = entryBytes.readAllBytes();
                }
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(bytes, StandardCharsets.UTF_8);
                    int data = xml.indexOf("<sheetData>");
                    bytes = (xml.substring(0, data) + " ".repeat(padding) + xml.substring(data))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(entry.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
