import CReadStat
import Glibc

/// The state of one ReadStat parse of a typed file, the context its C callbacks are handed (through
/// a pointer: no reference counting or exclusivity check a cell): the file's variables and value
/// labels, one `ColumnBuilder` per variable, and the cases kept or quarantined. Case k (1-based)
/// is "line" k + 1, line 1 playing the header's role, as in a CSV export. A parse may read the
/// cases from `firstCase` on only (the second half of a file read in two, `StatFileReader`).
struct StatFileParse {
  let path: String
  /// The case (0-based) ReadStat's first case of this parse is: ReadStat counts from its row offset.
  var firstCase = 0
  /// Whether the current pass reads the cases, into the columns the first pass (the dictionary's)
  /// started: the dictionary it reads again is the one read already.
  var readsCases = false
  private let textColumns: Set<String>
  private let personalColumns: Set<String>
  /// The codebook's missing codes of each column it reads (`StatFileReader.missingCodes`).
  private let missingCodes: [String: [ValueLabel]]

  private(set) var names: [String] = []
  /// The label set each variable uses, by variable index.
  private var labelSetNames: [String?] = []
  /// Value labels by label set name.
  var labelSets: [String: [StatValueLabel]] = [:]
  /// Variable labels and single SPSS user-missing values, by column name.
  private(set) var variableLabels: [String: String] = [:]
  private(set) var userMissingValues: [String: [Double]] = [:]
  private(set) var userMissingRanges: [String: [ClosedRange<Double>]] = [:]
  private var builders: [ColumnBuilder] = []
  /// Whether each variable is numeric in the file (its column never switches to text).
  private var numericVariables: [Bool] = []
  /// The builders' memory while cases are read (from the first cell on: no array check a cell),
  /// handed back to `builders` by `reclaimBuilders`.
  private var cells: UnsafeMutablePointer<ColumnBuilder>?
  private var columnCount = 0
  /// The code each (variable, tag) maps to, nil for none, worked out at the first such cell.
  private var tagCodes: [Int: Double?] = [:]

  /// Cases the file announces (-1 when it does not say), as its first pass read them, its format
  /// version and declared encoding.
  private(set) var announcedRows: Int?
  private(set) var version = 0
  /// How the file's cases are compressed.
  private(set) var compression = READSTAT_COMPRESS_NONE
  private(set) var declaredEncoding: String?
  /// ReadStat's error handler's last words, if it spoke.
  var errorMessage: String?

  private(set) var rowsRead = 0
  private(set) var sourceLines: [Int32] = []
  private(set) var quarantined: [QuarantinedRow] = []
  /// Why the case being read is quarantined, once one of its cells says so.
  private var rejection: QuarantinedRow?
  /// Tagged missing cells of columns no codebook reads, kept blank.
  private(set) var unreadTags = 0

  init(path: String, textColumns: Set<String>, personalColumns: Set<String>, missingCodes: [String: [ValueLabel]]) {
    self.path = path
    self.textColumns = textColumns
    self.personalColumns = personalColumns
    self.missingCodes = missingCodes
  }

  mutating func metadata(_ metadata: UnsafeMutablePointer<readstat_metadata_t>) {
    if announcedRows == nil { announcedRows = Int(readstat_get_row_count(metadata)) }
    version = Int(readstat_get_file_format_version(metadata))
    compression = readstat_get_compression(metadata)
    declaredEncoding = readstat_get_file_encoding(metadata).map { String(cString: $0) }
  }

  /// A variable of the dictionary, in file order: its column is started (on the first pass).
  mutating func variable(_ variable: UnsafeMutablePointer<readstat_variable_t>, labelSet: String?) {
    guard !readsCases else { return }
    let name = String(cString: readstat_variable_get_name(variable))
    names.append(name)
    if let label = readstat_variable_get_label(variable).map({ String(cString: $0) }), !label.isEmpty {
      variableLabels[name] = label
    }
    let missing = Self.userMissing(variable)
    if !missing.values.isEmpty { userMissingValues[name] = missing.values }
    if !missing.ranges.isEmpty { userMissingRanges[name] = missing.ranges }
    labelSetNames.append(labelSet)
    numericVariables.append(readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_NUMERIC)
    builders.append(
      ColumnBuilder(
        decimalComma: false, keepsText: textColumns.contains(name), personal: personalColumns.contains(name)))
  }

  /// Makes room for `cases` cases in every column, whose pages are touched at once when `populating`.
  mutating func reserveCases(_ cases: Int, populating: Bool = true) {
    for index in builders.indices { builders[index].reserveCapacity(cases, populating: populating) }
  }

  /// Touches the pages of the room reserved in every column, up to case `cases`, in one call each.
  func populate(upTo cases: Int = .max) {
    for builder in builders { builder.populate(upTo: cases) }
  }

  /// The parse of the cases from `split` on of a file of `cases` cases, read on another core,
  /// before this one has read any: numeric variables fill this one's columns in place
  /// (`ColumnBuilder.tail`), reserved for all the cases (`reserveCases`).
  func tail(from split: Int, cases: Int) -> StatFileParse {
    var tail = self
    tail.firstCase = split
    tail.builders = builders.indices.map {
      builders[$0].tail(from: split, rows: cases - split, fillsInPlace: numericVariables[$0])
    }
    return tail
  }

  /// A variable's SPSS missing values: the single ones (low = high) as numbers, strings that read
  /// as numbers (`"99"`) included, and the numeric ranges (low < high), LO and HI as infinities.
  private static func userMissing(_ variable: UnsafeMutablePointer<readstat_variable_t>)
    -> (values: [Double], ranges: [ClosedRange<Double>])
  {
    var (values, ranges): ([Double], [ClosedRange<Double>]) = ([], [])
    for range in 0..<readstat_variable_get_missing_ranges_count(variable) {
      let low = readstat_variable_get_missing_range_lo(variable, range)
      let high = readstat_variable_get_missing_range_hi(variable, range)
      guard low.type != READSTAT_TYPE_STRING && low.type != READSTAT_TYPE_STRING_REF else {
        let text = readstat_string_value(low).map { String(cString: $0) } ?? ""
        if text == (readstat_string_value(high).map { String(cString: $0) } ?? ""),
          let value = Double(text.trimmingSpaces())
        {
          values.append(value)
        }
        continue
      }
      let (from, to) = (readstat_double_value(low), readstat_double_value(high))
      if from == to {
        if from.isFinite { values.append(from) }
      } else if bound(from) < bound(to) {
        ranges.append(bound(from)...bound(to))
      }
    }
    return (values, ranges)
  }

  /// A range bound as a number: SPSS writes LO and HI as (nearly) the largest doubles.
  private static func bound(_ value: Double) -> Double {
    abs(value) >= 1e300 ? (value > 0 ? .infinity : -.infinity) : value
  }

  mutating func valueLabel(set: String, value: readstat_value_t, label: String) {
    let labelled: StatValueLabel
    if readstat_value_is_tagged_missing(value) != 0 {
      let tag = Character(Unicode.Scalar(UInt8(bitPattern: readstat_value_tag(value))))
      labelled = StatValueLabel(value: ".\(tag)", number: nil, tag: tag, label: label)
    } else if readstat_value_type_class(value) == READSTAT_TYPE_CLASS_STRING {
      let text = readstat_string_value(value).map { String(cString: $0) } ?? ""
      labelled = StatValueLabel(value: text, number: Double(text.trimmingSpaces()), label: label)
    } else {
      let number = readstat_double_value(value)
      labelled = StatValueLabel(
        value: NumberParser.render(number, decimalComma: false), number: number.isNaN ? nil : number, label: label)
    }
    labelSets[set, default: []].append(labelled)
  }

  /// One cell of case `firstCase + case` (0-based): a string's bytes as a CSV field, a number as a number
  /// (an SPSS user-missing value keeps its value), a system-missing one blank, a Stata tagged
  /// one as the codebook's missing code it maps to (`tagCode`).
  @inline(__always)
  mutating func value(case passRow: Int, variable index: Int, _ value: readstat_value_t) {
    if cells == nil { settleBuilders() }
    let row = firstCase &+ passRow
    let builder = cells.unsafelyUnwrapped + index
    // The fields ReadStat's accessors read (`readstat_value.c`), read here without a call each.
    if value.type == READSTAT_TYPE_STRING || value.type == READSTAT_TYPE_STRING_REF {
      if let text = value.v.string_value {
        let length = strlen(text)
        let bytes = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
        if !builder.pointee.appendFast(bytes, length) {
          builder.pointee.appendField(UnsafeRawBufferPointer(start: bytes, count: length))
        }
      } else {
        builder.pointee.appendEmpty()
      }
    } else if value.is_tagged_missing != 0 {
      appendTagged(UInt8(bitPattern: value.tag), case: row, variable: index)
    } else if value.is_system_missing != 0 {
      builder.pointee.appendEmpty()
    } else {
      builder.pointee.appendNumber(
        value.type == READSTAT_TYPE_DOUBLE ? value.v.double_value : readstat_double_value(value))
    }
    if index == columnCount - 1 { endCase(row) }
  }

  private mutating func endCase(_ row: Int) {
    rowsRead += 1
    guard let rejected = rejection else {
      sourceLines.append(Int32(row + 2))
      return
    }
    rejection = nil
    for index in 0..<columnCount { cells.unsafelyUnwrapped[index].truncate(to: sourceLines.count) }
    quarantined.append(rejected)
  }

  private mutating func appendTagged(_ tag: UInt8, case row: Int, variable index: Int) {
    guard missingCodes[names[index]] != nil else {
      unreadTags += 1
      cells.unsafelyUnwrapped[index].appendEmpty()
      return
    }
    let key = index << 8 | Int(tag)
    if tagCodes[key] == nil { tagCodes[key] = tagCode(Character(Unicode.Scalar(tag)), variable: index) }
    if let code = tagCodes[key] ?? nil {
      cells.unsafelyUnwrapped[index].appendNumber(code)
      return
    }
    cells.unsafelyUnwrapped[index].appendEmpty()
    guard rejection == nil else { return }
    rejection = QuarantinedRow(
      file: path, line: row + 2, lineCount: 1, rule: "ingest.tagged-missing",
      message: tagProblem(Character(Unicode.Scalar(tag)), variable: index), value: ".\(Character(Unicode.Scalar(tag)))",
      variable: names[index])
  }

  /// The value labels of variable `index`, nil when it has none.
  func labelSet(of index: Int) -> [StatValueLabel]? {
    labelSetNames[index].flatMap { labelSets[$0] }
  }

  /// The label the file gives `tag` in the label set of variable `index`, if any.
  private func tagLabel(_ tag: Character, variable index: Int) -> String? {
    labelSet(of: index)?.first { $0.tag == tag }?.label
  }

  /// The codebook missing code Stata's `.tag` stands for in variable `index`: the one whose label
  /// is the tag's label in the file, or, when the file labels the tag not, the column's only one.
  private func tagCode(_ tag: Character, variable index: Int) -> Double? {
    let codes = missingCodes[names[index]] ?? []
    guard let label = tagLabel(tag, variable: index) else { return codes.count == 1 ? Double(codes[0].code) : nil }
    return codes.first { ValueLabel.sameWording($0.label, label) }.map { Double($0.code) }
  }

  private func tagProblem(_ tag: Character, variable index: Int) -> String {
    let codes = missingCodes[names[index]] ?? []
    let listed = codes.map { "\($0.code) « \($0.label) »" }.joined(separator: ", ")
    let name = "'\(names[index])' holds Stata's missing value .\(tag)"
    guard !codes.isEmpty else { return "\(name), but the codebook declares no missing code for this column" }
    guard let label = tagLabel(tag, variable: index) else {
      return "\(name), which the file does not label, and the codebook has several missing codes for this column "
        + "(\(listed)): label .\(tag) in the file with one of them"
    }
    return "\(name) « \(label) », a label none of the codebook's missing codes of this column has (\(listed))"
  }

  /// Moves the builders into raw memory for the cells.
  private mutating func settleBuilders() {
    columnCount = builders.count
    cells = UnsafeMutablePointer<ColumnBuilder>.allocate(capacity: columnCount)
    cells.unsafelyUnwrapped.initialize(from: builders, count: columnCount)
    builders = []
  }

  /// Whether `tail`, the parse of the cases that follow this one's, can be appended so that the
  /// columns are those one parse would have built (`ColumnBuilder.canAppend`, column by column).
  func canAppend(_ tail: StatFileParse) -> Bool {
    builders.count == tail.builders.count && zip(builders, tail.builders).allSatisfy { $0.canAppend($1) }
  }

  /// Appends the cases of `tail` (for which `canAppend` holds), whose builders it releases.
  mutating func append(_ tail: inout StatFileParse) {
    for index in builders.indices { builders[index].append(&tail.builders[index]) }
    tail.builders = []
    rowsRead += tail.rowsRead
    sourceLines += tail.sourceLines
    quarantined += tail.quarantined
    unreadTags += tail.unreadTags
  }

  /// Moves the builders back from raw memory, if they were there (after a pass over the cases).
  mutating func reclaimBuilders() {
    guard let cells else { return }
    builders = Array(UnsafeBufferPointer(start: cells, count: columnCount))
    cells.deinitialize(count: columnCount)
    cells.deallocate()
    self.cells = nil
  }

  /// The finished columns, which take over the builders' memory.
  mutating func finishColumns(decode: (UnsafeRawBufferPointer) -> String) -> [Column] {
    reclaimBuilders()
    defer { builders = [] }
    return builders.indices.map { builders[$0].finish(decode: decode) }
  }

  /// Frees the columns of a parse that failed.
  mutating func release() {
    reclaimBuilders()
    builders.indices.forEach { builders[$0].release() }
    builders = []
  }
}
