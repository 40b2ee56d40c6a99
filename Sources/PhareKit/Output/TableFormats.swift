/// The cell formats of `tables.xlsx`: numbers stay numbers (proportions 0–1 shown as
/// percentages, means with two decimals, bases as whole numbers); the CSV locale chooses the
/// French percent format (a space before « % ») or the plain one. Excel shows the decimal and
/// thousands separators of the reader's own locale.
struct TableFormats {
  let title: XLSXWorkbook.Format
  let header: XLSXWorkbook.Format
  let label: XLSXWorkbook.Format
  let percent: XLSXWorkbook.Format
  let mean: XLSXWorkbook.Format
  let count: XLSXWorkbook.Format
  let mark: XLSXWorkbook.Format
  let note: XLSXWorkbook.Format
  let link: XLSXWorkbook.Format

  init(_ workbook: XLSXWorkbook, locale: CSVLocale) {
    title = workbook.format().bold().size(12)
    header = workbook.format().bold().centred().wrapped()
    label = workbook.format().wrapped()
    percent = workbook.format().numberFormat(locale == .french ? "0.0\\ %" : "0.0%")
    mean = workbook.format().numberFormat("0.00")
    count = workbook.format().numberFormat("#,##0")
    mark = workbook.format().bold().centred()
    note = workbook.format().italic()
    link = workbook.format().underlined()
  }
}
