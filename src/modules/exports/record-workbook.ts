import ExcelJS from 'exceljs';
import { reportTables, type RecordReport } from './record-report';

/** Widest a column is drawn, in characters: longer cells wrap. */
const MAX_COLUMN_WIDTH = 60;

/**
 * The report as an XLSX workbook: a sheet per table, its header row bold and frozen, an auto-filter
 * over the header. Every cell is a string value, never a formula, so a party named
 * `=HYPERLINK(...)` stays text.
 */
export async function recordWorkbook(report: RecordReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Flowmap';
  workbook.title = `Record of processing on ${report.on}`;
  if (report.organisation) workbook.company = report.organisation.name;
  for (const table of reportTables(report)) {
    const sheet = workbook.addWorksheet(table.title, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow([...table.columns]).font = { bold: true };
    for (const row of table.rows) sheet.addRow([...row]).alignment = { vertical: 'top', wrapText: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
    table.columns.forEach((column, index) => {
      const longest = Math.max(column.length, ...table.rows.map((row) => row[index].length));
      sheet.getColumn(index + 1).width = Math.min(MAX_COLUMN_WIDTH, longest + 2);
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
