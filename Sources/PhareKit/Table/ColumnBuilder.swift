/// Accumulates one column straight from the parser's field buffers.
///
/// A column starts numeric (the fast path: plain integers parsed in place into raw memory).
/// The first value that is not a number switches it to dictionary mode, where every distinct
/// byte string gets a code; `finish` then decides the final type from the values actually kept.
/// A column kept as text (a codebook identifier, a free-text answer) is stored as its bytes one
/// after the other (`text` mode) and finished as text: its values are never read as numbers, so
/// they come back byte for byte, and a million distinct identifiers are not hashed. A column of personal data
/// keeps only which cells are filled (`presence` mode): names, e-mails and phones are never stored.
/// Its buffers are raw memory: a builder is either finished or released, exactly once.
struct ColumnBuilder {
  private enum Mode { case numeric, dictionary, text, presence }

  /// The one level of a personal-data column: what its filled cells hold once read.
  static let personalDataLevel = "(personal data, not read)"

  private var mode: Mode
  private var numbers = GrowableBuffer<Double>()
  private var missing = MissingMaskBuffer()
  private var codes = GrowableBuffer<Int32>()
  private(set) var dictionary = ByteStringInterner()
  /// Rows of a `presence` column.
  private var presenceCount = 0
  /// A `text` column's bytes, and where each row's end.
  private var textBytes = GrowableBuffer<UInt8>()
  private var textEnds = GrowableBuffer<Int>()
  /// Whether a number was read that `NumberParser.render` may not write back as it was written
  /// (all but the plain integers of `appendFast`): a column already in dictionary mode would have
  /// kept its bytes.
  private var parsedNumbers = false
  private let decimalComma: Bool

  /// - Parameters:
  ///   - keepsText: the values stay text, byte for byte (an identifier).
  ///   - personal: only whether each cell is filled is kept (personal data).
  init(decimalComma: Bool, keepsText: Bool = false, personal: Bool = false) {
    self.decimalComma = decimalComma
    self.mode = keepsText ? .text : personal ? .presence : .numeric
  }

  var count: Int {
    switch mode {
    case .numeric: return numbers.count
    case .dictionary: return codes.count
    case .text: return textEnds.count
    case .presence: return presenceCount
    }
  }

  /// Makes room for `rows` values, whose pages are touched at once when `populating` (or by
  /// `populate`, or as they are written).
  mutating func reserveCapacity(_ rows: Int, populating: Bool = true) {
    switch mode {
    case .numeric:
      numbers.reserve(rows, populating: populating)
      missing.reserve(rows: rows)
    case .dictionary:
      codes.reserve(rows, populating: populating)
    case .text:
      textEnds.reserve(rows, populating: populating)
      missing.reserve(rows: rows)
    case .presence:
      missing.reserve(rows: rows)
    }
  }

  /// Touches the pages of the room reserved for values, up to value `rows`, in one call.
  func populate(upTo rows: Int = .max) {
    numbers.populate(upTo: rows)
    codes.populate(upTo: rows)
    textEnds.populate(upTo: rows)
  }

  /// A builder for the `rows` values that follow value `split` of this one's column, filled on
  /// another core (`StatFileReader.readInTwo`): a numeric column of a numeric variable
  /// (`fillsInPlace`: it never switches to text) is lent this one's memory from `split` on,
  /// which `append` then finds in place; any other starts as this one started, with room of its own.
  func tail(from split: Int, rows: Int, fillsInPlace: Bool) -> ColumnBuilder {
    var tail = ColumnBuilder(decimalComma: decimalComma, keepsText: mode == .text, personal: mode == .presence)
    if fillsInPlace && mode == .numeric && count == 0 && numbers.capacity >= split + rows {
      tail.numbers = GrowableBuffer(lent: numbers, from: split)
      tail.missing.reserve(rows: rows)
    } else {
      tail.reserveCapacity(rows, populating: false)
    }
    return tail
  }

  /// Appends a field if it is empty or a plain integer while the column is numeric; returns
  /// false, appending nothing, when the field needs `appendField`.
  @inline(__always)
  mutating func appendFast(_ field: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    if length == 0 {
      appendMissing()
      return true
    }
    guard mode == .numeric else {
      guard mode == .presence else { return false }
      presenceCount += 1
      return true
    }
    let first = field[0] &- 48
    if length == 1 && first < 10 {
      // Most survey answers are one digit: a code, a flag, a score.
      numbers.append(Double(first))
      return true
    }
    guard length <= 15 else { return false }
    var index = 0
    let negative = field[0] == UInt8(ascii: "-")
    if negative {
      guard length > 1 else { return false }
      index = 1
    }
    if field[index] == UInt8(ascii: "0") { return false }
    var value: Int64 = 0
    while index < length {
      let digit = field[index] &- 48
      if digit > 9 { return false }
      value = value &* 10 &+ Int64(digit)
      index &+= 1
    }
    numbers.append(negative ? -Double(value) : Double(value))
    return true
  }

  /// Appends any non-empty field: a decimal number, or a value for the dictionary.
  mutating func appendField(_ field: UnsafeRawBufferPointer) {
    if mode == .text {
      textBytes.append(contentsOf: field)
      textEnds.append(textBytes.count)
      return
    }
    if mode == .numeric {
      // `1.200,50` keeps its bytes: its dot says how the column groups thousands (`MarkEvidence`),
      // which the number rendered back (`1200,5`) would no longer say.
      // A 16-digit id would lose its last digits in a `Double`: the column is not numbers. A dot
      // in a decimal-comma file keeps its bytes: rendered back with a comma (`2,5`) it would tell
      // `MarkEvidence` the opposite of what the file wrote, and the column's reading would depend
      // on which row came first.
      // Scientific notation keeps its bytes too: `3E2` may be a label, which `300` would not match.
      if !ColumnTypeInference.isLongWholeNumber(field), !(decimalComma && field.contains(UInt8(ascii: "."))),
        !field.contains(where: { $0 | 0x20 == UInt8(ascii: "e") }),
        let value = NumberParser.parse(field, decimalComma: decimalComma), !Self.groupsWithMarks(field)
      {
        numbers.append(value)
        parsedNumbers = true
        return
      }
      switchToDictionary()
    }
    codes.append(dictionary.intern(field))
  }

  /// Appends a number a typed file (SPSS, Stata) holds as a number: kept as is in a numeric
  /// column, only its presence in a personal-data one, and in a text column the text
  /// `NumberParser.render` writes (`1234`, `7.5`), as a CSV export would have written it.
  @inline(__always)
  mutating func appendNumber(_ value: Double) {
    switch mode {
    case .numeric:
      numbers.append(value)
    case .presence:
      presenceCount += 1
    case .text, .dictionary:
      var text = NumberParser.render(value, decimalComma: decimalComma)
      text.withUTF8 { appendField(UnsafeRawBufferPointer($0)) }
    }
  }

  /// Whether a field holds `.` or `,` twice, or both.
  private static func groupsWithMarks(_ field: UnsafeRawBufferPointer) -> Bool {
    var marks = 0
    for byte in field where byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") {
      marks += 1
    }
    return marks > 1
  }

  @inline(__always)
  /// Appends a missing value: an unnamed trailing column a short record left out.
  mutating func appendEmpty() { appendMissing() }

  private mutating func appendMissing() {
    switch mode {
    case .numeric:
      missing.setMissing(numbers.count)
      numbers.append(.nan)
    case .dictionary:
      codes.append(CategoricalColumn.missingCode)
    case .text:
      missing.setMissing(textEnds.count)
      textEnds.append(textBytes.count)
    case .presence:
      missing.setMissing(presenceCount)
      presenceCount += 1
    }
  }

  /// Re-encodes the numbers seen so far as dictionary codes, rendered as `NumberParser` reads them.
  private mutating func switchToDictionary() {
    codes.reserve(numbers.capacity)
    for row in 0..<numbers.count {
      if missing.isMissing(row) {
        codes.append(CategoricalColumn.missingCode)
      } else {
        var text = NumberParser.render(numbers[row], decimalComma: decimalComma)
        // 1.234 read from `1,2340` renders as `1,234`, which reads two ways: keep it one number.
        if text.withUTF8({ NumberParser.read(UnsafeRawBufferPointer($0), decimalComma: decimalComma) }) == .ambiguous {
          text += "0"
        }
        codes.append(text.withUTF8 { dictionary.intern(UnsafeRawBufferPointer($0)) })
      }
    }
    numbers.release()
    missing.release()
    mode = .dictionary
  }

  /// Whether `tail`, a builder of the same column fed the records that follow this one's from a
  /// fresh start, can be appended so that the column is the one a single builder would have built.
  /// It cannot when this column already holds text and `tail` read numbers it may not write back
  /// as written, where a single builder would have kept their bytes.
  func canAppend(_ tail: ColumnBuilder) -> Bool {
    mode != .dictionary || !tail.parsedNumbers
  }

  /// Appends the values of `tail` (for which `canAppend` holds) and releases it.
  mutating func append(_ tail: inout ColumnBuilder) {
    defer { tail.release() }
    let rows = count
    switch (mode, tail.mode) {
    case (.numeric, .numeric):
      numbers.append(contentsOf: tail.numbers)
      missing.append(tail.missing, at: rows)
    case (.text, .text):
      let offset = textBytes.count
      textBytes.append(contentsOf: tail.textBytes)
      textEnds.reserve(rows + tail.textEnds.count)
      for row in 0..<tail.textEnds.count { textEnds.append(tail.textEnds[row] + offset) }
      missing.append(tail.missing, at: rows)
    case (.presence, .presence):
      missing.append(tail.missing, at: rows)
      presenceCount += tail.presenceCount
    default:
      // One holds text: as a single builder would at the first, both are dictionaries, whose
      // numbers render as they were written (`canAppend`) when this one switched first.
      if mode == .numeric { switchToDictionary() }
      if tail.mode == .numeric { tail.switchToDictionary() }
      var recoded = [Int32](repeating: CategoricalColumn.missingCode, count: tail.dictionary.count)
      for code in recoded.indices {
        recoded[code] = tail.dictionary.withBytes(of: code) { dictionary.intern($0) }
      }
      codes.reserve(rows + tail.codes.count)
      for row in 0..<tail.codes.count {
        let code = tail.codes[row]
        codes.append(code == CategoricalColumn.missingCode ? code : recoded[Int(code)])
      }
    }
  }

  /// Drops the values from row `rows` on, when the record they belong to is rejected.
  mutating func truncate(to rows: Int) {
    switch mode {
    case .numeric:
      numbers.truncate(to: rows)
      missing.truncate(to: rows)
    case .dictionary:
      codes.truncate(to: rows)
    case .text:
      textEnds.truncate(to: rows)
      textBytes.truncate(to: textEnds.count == 0 ? 0 : textEnds[textEnds.count - 1])
      missing.truncate(to: rows)
    case .presence:
      presenceCount = rows
      missing.truncate(to: rows)
    }
  }

  /// Frees the memory of a builder whose column will not be finished.
  mutating func release() {
    numbers.release()
    missing.release()
    codes.release()
    textBytes.release()
    textEnds.release()
  }

  /// The finished column, which takes over the builder's memory; `decode` turns dictionary
  /// bytes into strings in the file's encoding.
  mutating func finish(decode: (UnsafeRawBufferPointer) -> String) -> Column {
    switch mode {
    case .numeric:
      let rows = numbers.count
      return .numeric(NumericColumn(values: ColumnStorage(numbers.take()), missing: missing.finish(count: rows)))
    case .text:
      let rows = textEnds.count
      let filled = missing.finish(count: rows)
      var values: [String?] = []
      values.reserveCapacity(rows)
      var start = 0
      for row in 0..<rows {
        let end = textEnds[row]
        values.append(
          filled[row]
            ? nil : decode(UnsafeRawBufferPointer(start: textBytes.base.map { $0 + start }, count: end - start)))
        start = end
      }
      textBytes.release()
      textEnds.release()
      return .text(TextColumn(values: values))
    case .presence:
      let rows = presenceCount
      let filled = missing.finish(count: rows)
      let codes = ColumnStorage<Int32>(count: rows) { codes in
        for row in 0..<rows { codes[row] = filled[row] ? CategoricalColumn.missingCode : 0 }
      }
      return .categorical(CategoricalColumn(levels: [Self.personalDataLevel], codes: codes))
    case .dictionary:
      return ColumnTypeInference.column(
        codes: &codes,
        dictionary: dictionary,
        decimalComma: decimalComma,
        decode: decode
      )
    }
  }
}
