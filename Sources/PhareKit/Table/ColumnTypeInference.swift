/// Decides the type of a dictionary-encoded column from the distinct values its kept rows use.
///
/// All numbers → numeric (values seen before a rejected row's stray text are not lost), unless
/// the column holds whole numbers too long for a `Double` (`isLongWholeNumber`);
/// at most `maxCategoricalLevels` values that repeat on average → categorical; otherwise text.
/// The codebook (pipeline spec) overrides this guess; it only serves inspection.
enum ColumnTypeInference {
  static let maxCategoricalLevels = 100

  /// The column; takes over (or frees) the memory of `codes`.
  static func column(
    codes: inout GrowableBuffer<Int32>,
    dictionary: ByteStringInterner,
    decimalComma: Bool,
    decode: (UnsafeRawBufferPointer) -> String
  ) -> Column {
    let rows = codes.count
    var uses = [Int](repeating: 0, count: dictionary.count)
    var present = 0
    for row in 0..<rows where codes[row] != CategoricalColumn.missingCode {
      uses[Int(codes[row])] += 1
      present += 1
    }
    let used = uses.indices.filter { uses[$0] > 0 }
    let numbers = numbersSettlingMarks(used, dictionary: dictionary, decimalComma: decimalComma)
    if numbers.allSatisfy({ $0 != nil }) {
      var valueOf = [Double](repeating: .nan, count: dictionary.count)
      for (code, number) in zip(used, numbers) {
        valueOf[code] = number!
      }
      let column = NumericColumn((0..<rows).map { codes[$0] < 0 ? nil : valueOf[Int(codes[$0])] })
      codes.release()
      return .numeric(column)
    }
    let strings = used.map { code in dictionary.withBytes(of: code, decode) }
    // Distinct bytes may decode to one text (`Très` in UTF-8 and in Windows-1252 lines of a mixed
    // file): one level. Texts are told apart by their scalars, not by canonical equivalence. A
    // text has at most these two spellings, so more than twice the levels allowed (an
    // identifier's million values) is text without counting.
    let fewLevels = strings.count <= 2 * maxCategoricalLevels && strings.count <= present
    var seen = Set<[UInt8]>(minimumCapacity: fewLevels ? strings.count : 0)
    let distinct = fewLevels ? strings.filter { seen.insert(Array($0.utf8)).inserted } : []
    if fewLevels && distinct.count <= maxCategoricalLevels && distinct.count * 2 <= present {
      let levels = distinct.sorted()
      let rankOf = Dictionary(uniqueKeysWithValues: levels.enumerated().map { (Array($1.utf8), Int32($0)) })
      var recode = [Int32](repeating: CategoricalColumn.missingCode, count: dictionary.count)
      for (code, string) in zip(used, strings) {
        recode[code] = rankOf[Array(string.utf8)]!
      }
      for row in 0..<rows where codes[row] >= 0 {
        codes[row] = recode[Int(codes[row])]
      }
      return .categorical(CategoricalColumn(levels: levels, codes: ColumnStorage(codes.take())))
    }
    var stringOf = [String?](repeating: nil, count: dictionary.count)
    for (code, string) in zip(used, strings) {
      stringOf[code] = string
    }
    let texts = (0..<rows).map { codes[$0] < 0 ? nil : stringOf[Int(codes[$0])] }
    codes.release()
    return .text(TextColumn(values: texts))
  }

  /// The number of each used value, an ambiguous one (`143,375`) read as the column's other
  /// values write their marks, as the clean stage reads it.
  private static func numbersSettlingMarks(_ used: [Int], dictionary: ByteStringInterner, decimalComma: Bool)
    -> [Double?]
  {
    var evidence = MarkEvidence()
    let readings = used.map { code in
      dictionary.withBytes(of: code) { bytes in
        guard !isLongWholeNumber(bytes) else { return NumberReading.notANumber }
        let reading = NumberParser.read(bytes, decimalComma: decimalComma)
        if case .number = reading { evidence.add(bytes) }
        return reading
      }
    }
    return zip(used, readings).map { code, reading in
      let settled =
        reading == .ambiguous
        ? dictionary.withBytes(of: code) { NumberParser.read($0, decimalComma: decimalComma, evidence: evidence) }
        : reading
      if case .number(let value) = settled { return value }
      return nil
    }
  }

  /// The most digits a whole number may have and still be held exactly by a `Double` (2^53 has 16).
  static let maxExactDigits = 15

  /// Whether `bytes` are only digits (after an optional sign), more than `maxExactDigits` of them:
  /// an identifier, a phone or account number, which a `Double` would round (two ids above
  /// 2^53 would become one), so the column is not read as numbers.
  static func isLongWholeNumber(_ bytes: UnsafeRawBufferPointer) -> Bool {
    let digits = bytes.first == UInt8(ascii: "-") || bytes.first == UInt8(ascii: "+") ? bytes.dropFirst() : bytes[...]
    return digits.count > maxExactDigits && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
  }
}
