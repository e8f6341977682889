package cn.gongkai.ledger.statistics.export;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongkai.ledger.statistics.DisputeColumn;
import cn.gongkai.ledger.statistics.DisputeGroup;
import cn.gongkai.ledger.statistics.TableColumn;
import cn.gongkai.ledger.statistics.TableRow;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Reads the workbook back with POI. Sheet coordinates are zero-based: rows 0 and 1 hold the title
 * and the part's heading, the table starts in row 2 (Excel's row 3).
 */
class AnnualTablesXlsxTest {

    private final AnnualTablesExporter exporter = new AnnualTablesExporter();

    @Test
    void hasOneSheetPerPartNamedAfterIt() throws IOException {
        try (Workbook workbook = read(SeedReport.tables())) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            assertThat(workbook.getSheetName(0)).isEqualTo("三、收到和处理政府信息公开申请情况");
            assertThat(workbook.getSheetName(1)).isEqualTo("四、政府信息公开行政复议、行政诉讼情况");
        }
    }

    @Test
    void part3IsMergedLikeTheOfficialTable() throws IOException {
        try (Workbook workbook = read(SeedReport.tables())) {
            assertThat(workbook.getSheetAt(0).getMergedRegions()).containsExactlyInAnyOrder(
                    new CellRangeAddress(0, 0, 0, 9),    // the report's title
                    new CellRangeAddress(1, 1, 0, 9),    // 三、收到和处理政府信息公开申请情况
                    new CellRangeAddress(2, 4, 0, 2),    // the note on the reconciliation rule
                    new CellRangeAddress(2, 2, 3, 9),    // 申请人情况
                    new CellRangeAddress(3, 4, 3, 3),    // 自然人
                    new CellRangeAddress(3, 3, 4, 8),    // 法人或其他组织
                    new CellRangeAddress(3, 4, 9, 9),    // 总计
                    new CellRangeAddress(5, 5, 0, 2),    // 一、本年新收…
                    new CellRangeAddress(6, 6, 0, 2),    // 二、上年结转…
                    new CellRangeAddress(7, 28, 0, 0),   // 三、本年度办理结果
                    new CellRangeAddress(7, 7, 1, 2),    // (一) 予以公开
                    new CellRangeAddress(8, 8, 1, 2),    // (二) 部分公开…
                    new CellRangeAddress(9, 16, 1, 1),   // (三) 不予公开
                    new CellRangeAddress(17, 19, 1, 1),  // (四) 无法提供
                    new CellRangeAddress(20, 24, 1, 1),  // (五) 不予处理
                    new CellRangeAddress(25, 27, 1, 1),  // (六) 其他处理
                    new CellRangeAddress(28, 28, 1, 2),  // (七) 总计
                    new CellRangeAddress(29, 29, 0, 2)); // 四、结转下年度继续办理
        }
    }

    @Test
    void part3HasTheOfficialLabelsInTheirCells() throws IOException {
        try (Workbook workbook = read(SeedReport.tables())) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 0, 0)).isEqualTo("驻马店经济开发区管委会2021年政府信息公开工作年度报告");
            assertThat(text(sheet, 2, 0)).isEqualTo(SeedReport.NOTE);
            assertThat(text(sheet, 2, 3)).isEqualTo("申请人情况");
            assertThat(text(sheet, 3, 3)).isEqualTo("自然人");
            assertThat(text(sheet, 3, 4)).isEqualTo("法人或其他组织");
            assertThat(text(sheet, 3, 9)).isEqualTo("总计");
            assertThat(List.of(text(sheet, 4, 4), text(sheet, 4, 5), text(sheet, 4, 6), text(sheet, 4, 7),
                    text(sheet, 4, 8))).containsExactly("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他");

            assertThat(text(sheet, 7, 0)).isEqualTo("三、本年度办理结果");
            assertThat(text(sheet, 9, 1)).isEqualTo("(三) 不予公开");
            assertThat(text(sheet, 17, 1)).isEqualTo("(四) 无法提供");
            assertThat(text(sheet, 20, 1)).isEqualTo("(五) 不予处理");
            assertThat(text(sheet, 25, 1)).isEqualTo("(六) 其他处理");

            List<String> labels = SeedReport.OFFICIAL_ROW_LABELS;
            for (TableRow row : TableRow.values()) {
                int r = 5 + row.ordinal();
                int labelColumn = !row.isResult() ? 0 : row.group() == null ? 1 : 2;
                // a label too long for its column breaks between its phrases (after 、): the text is the official one
                assertThat(text(sheet, r, labelColumn).replace("\n", "")).as(row.name())
                        .isEqualTo(labels.get(row.ordinal()));
            }
        }
    }

    @Test
    void part3HasTheSeedNumbersAsNumericCells() throws IOException {
        try (Workbook workbook = read(SeedReport.tables())) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(number(sheet, 5, 3)).isEqualTo(6);  // received, natural persons
            assertThat(number(sheet, 5, 9)).isEqualTo(6);  // received, total
            assertThat(number(sheet, 6, 9)).isZero();      // carried over
            assertThat(number(sheet, 7, 3)).isEqualTo(1);  // disclosed
            assertThat(number(sheet, 8, 9)).isEqualTo(4);  // partly disclosed
            assertThat(number(sheet, 9, 3)).isZero();      // state secret
            assertThat(number(sheet, 28, 3)).isEqualTo(5); // (七) 总计
            assertThat(number(sheet, 29, 9)).isEqualTo(1); // carried forward
            assertThat(number(sheet, 29, 4)).isZero();
        }
    }

    @Test
    void everyPart3NumberStandsInItsRowAndColumn() throws IOException {
        try (Workbook workbook = read(SeedReport.distinctNumbers(true, List.of()))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (TableRow row : TableRow.values()) {
                for (TableColumn column : TableColumn.values()) {
                    assertThat(number(sheet, 5 + row.ordinal(), 3 + column.ordinal())).as(row + "/" + column)
                            .isEqualTo(SeedReport.distinct(row, column));
                }
            }
        }
    }

    @Test
    void part4IsMergedAndLabelledLikeTheOfficialTable() throws IOException {
        try (Workbook workbook = read(SeedReport.tables())) {
            Sheet sheet = workbook.getSheetAt(1);
            assertThat(sheet.getMergedRegions()).containsExactlyInAnyOrder(
                    new CellRangeAddress(0, 0, 0, 14),
                    new CellRangeAddress(1, 1, 0, 14),
                    new CellRangeAddress(2, 2, 0, 4),    // 行政复议
                    new CellRangeAddress(2, 2, 5, 14),   // 行政诉讼
                    new CellRangeAddress(3, 4, 0, 0),    // 行政复议's five columns, two rows high
                    new CellRangeAddress(3, 4, 1, 1),
                    new CellRangeAddress(3, 4, 2, 2),
                    new CellRangeAddress(3, 4, 3, 3),
                    new CellRangeAddress(3, 4, 4, 4),
                    new CellRangeAddress(3, 3, 5, 9),    // 未经复议直接起诉
                    new CellRangeAddress(3, 3, 10, 14)); // 复议后起诉
            assertThat(text(sheet, 1, 0)).isEqualTo("四、政府信息公开行政复议、行政诉讼情况");
            assertThat(text(sheet, 2, 0)).isEqualTo("行政复议");
            assertThat(text(sheet, 2, 5)).isEqualTo("行政诉讼");
            assertThat(text(sheet, 3, 5)).isEqualTo("未经复议直接起诉");
            assertThat(text(sheet, 3, 10)).isEqualTo("复议后起诉");
            List<String> columns = List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计");
            for (int c = 0; c < 5; c++) {
                assertThat(text(sheet, 3, c)).isEqualTo(columns.get(c));
                assertThat(text(sheet, 4, 5 + c)).isEqualTo(columns.get(c));
                assertThat(text(sheet, 4, 10 + c)).isEqualTo(columns.get(c));
            }
            for (int c = 0; c < 15; c++) {
                assertThat(number(sheet, 5, c)).isZero();
            }
        }
    }

    @Test
    void everyPart4NumberStandsInItsGroupAndColumn() throws IOException {
        try (Workbook workbook = read(SeedReport.distinctNumbers(true, List.of()))) {
            Sheet sheet = workbook.getSheetAt(1);
            for (DisputeGroup group : DisputeGroup.values()) {
                for (DisputeColumn column : DisputeColumn.values()) {
                    assertThat(number(sheet, 5, group.ordinal() * 5 + column.ordinal())).as(group + "/" + column)
                            .isEqualTo(SeedReport.distinct(group, column));
                }
            }
        }
    }

    @Test
    void everyTableCellIsBorderedAndWrappedInACjkFont() throws IOException {
        try (Workbook workbook = read(SeedReport.tables())) {
            Sheet sheet = workbook.getSheetAt(0);
            for (int r = 2; r <= 29; r++) {
                for (int c = 0; c <= 9; c++) {
                    CellStyle style = sheet.getRow(r).getCell(c).getCellStyle();
                    assertThat(List.of(style.getBorderTop(), style.getBorderBottom(), style.getBorderLeft(),
                            style.getBorderRight())).as("%d,%d", r, c).containsOnly(BorderStyle.THIN);
                    assertThat(style.getWrapText()).isTrue();
                    assertThat(workbook.getFontAt(style.getFontIndex()).getFontName()).isEqualTo("宋体");
                }
            }
        }
    }

    @Test
    void printsOnALandscapePageOneWide() throws IOException {
        try (Workbook workbook = read(SeedReport.tables())) {
            for (Sheet sheet : workbook) {
                assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
                assertThat(sheet.getFitToPage()).isTrue();
            }
        }
    }

    @Test
    void statesAnOpenYearAndFailedChecksBelowTheTable() throws IOException {
        try (Workbook workbook = read(SeedReport.distinctNumbers(false, List.of("总计列不等于各列之和")))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(text(sheet, 31, 0)).isEqualTo("注：2021年度统计尚未截止，表中为截至导出时的数据。");
            assertThat(text(sheet, 32, 0)).isEqualTo("勾稽关系核对未通过，请核实后再公开：");
            assertThat(text(sheet, 33, 0)).isEqualTo("　　总计列不等于各列之和");
        }
    }

    private Workbook read(ExportedTables tables) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(exporter.toXlsx(tables)));
    }

    private static String text(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).as("cell %d,%d", row, column).isEqualTo(CellType.STRING);
        return cell.getStringCellValue();
    }

    private static long number(Sheet sheet, int row, int column) {
        Cell cell = sheet.getRow(row).getCell(column);
        assertThat(cell.getCellType()).as("cell %d,%d", row, column).isEqualTo(CellType.NUMERIC);
        return (long) cell.getNumericCellValue();
    }
}
