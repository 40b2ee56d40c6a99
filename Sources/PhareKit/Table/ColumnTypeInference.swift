/// Decides the type of a dictionary-encoded column from the distinct values its kept rows use.
///
/// All numbers → numeric (values seen before a rejected row's stray text are not lost);
/// at most `maxCategoricalLevels` values that repeat on average → categorical; otherwise text.
/// The codebook (pipeline spec) overrides this guess; it only serves inspection.
enum ColumnTypeInference {
  static let maxCategoricalLevels = 100

  static func column(
    codes: [Int32],
    dictionary: ByteStringInterner,
    decimalComma: Bool,
    decode: (UnsafeRawBufferPointer) -> String
  ) -> Column {
    var uses = [Int](repeating: 0, count: dictionary.count)
    var present = 0
    for code in codes where code != CategoricalColumn.missingCode {
      uses[Int(code)] += 1
      present += 1
    }
    let used = uses.indices.filter { uses[$0] > 0 }
    let numbers = used.map { code in
      dictionary.withBytes(of: code) { NumberParser.parse($0, decimalComma: decimalComma) }
    }
    if numbers.allSatisfy({ $0 != nil }) {
      var valueOf = [Double](repeating: .nan, count: dictionary.count)
      for (code, number) in zip(used, numbers) {
        valueOf[code] = number!
      }
      let values = codes.map { $0 == CategoricalColumn.missingCode ? Double.nan : valueOf[Int($0)] }
      return .numeric(NumericColumn(values: values, missing: MissingMask(count: codes.count) { codes[$0] < 0 }))
    }
    let strings = used.map { code in dictionary.withBytes(of: code, decode) }
    if used.count <= maxCategoricalLevels && used.count * 2 <= present {
      let order = strings.indices.sorted { strings[$0] < strings[$1] }
      var recode = [Int32](repeating: CategoricalColumn.missingCode, count: dictionary.count)
      for (rank, position) in order.enumerated() {
        recode[used[position]] = Int32(rank)
      }
      let levels = order.map { strings[$0] }
      return .categorical(CategoricalColumn(levels: levels, codes: codes.map { $0 < 0 ? $0 : recode[Int($0)] }))
    }
    var stringOf = [String?](repeating: nil, count: dictionary.count)
    for (code, string) in zip(used, strings) {
      stringOf[code] = string
    }
    return .text(TextColumn(values: codes.map { $0 < 0 ? nil : stringOf[Int($0)] }))
  }
}
