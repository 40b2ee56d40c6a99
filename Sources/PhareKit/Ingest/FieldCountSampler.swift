import CLibCSV

/// Counts the fields of the first records of a block as libcsv splits them on one separator,
/// quotes honoured: the evidence `DialectSniffer` weighs to choose the separator.
enum FieldCountSampler {
  /// The header and at most this many records after it are counted.
  static let maxRows = 50

  /// The header's field count and the sampled records' evidence for `separator`. When the block
  /// is not the `complete` file, its last record may be cut short and is not counted.
  static func evidence(_ text: UnsafeRawBufferPointer, separator: Separator, complete: Bool) -> SeparatorEvidence {
    // Lenient mode: a stray quote counts as text, as the separator in question would read it.
    let records = tally(
      text, separator: separator, options: 0, keepingSpaces: true, records: maxRows + 1,
      finishing: complete
    ).records.prefix(maxRows + 1)
    let header = records.first ?? 0
    let rows = records.dropFirst()
    return SeparatorEvidence(
      separator: separator, headerFields: header, rows: rows.count, matchingRows: rows.filter { $0 == header }.count,
      quotesAtFieldEdges: parsesStrictly(text, separator: separator, records: records.count))
  }

  /// Whether libcsv's strict mode, which refuses a quote inside an unquoted field, parses the
  /// sampled `records` split on `separator`.
  static func parsesStrictly(_ text: UnsafeRawBufferPointer, separator: Separator, records: Int) -> Bool {
    !tally(
      text, separator: separator, options: UInt8(CSV_STRICT), keepingSpaces: false, records: records,
      finishing: false
    ).failed
  }

  /// libcsv over `text` split on `separator` with `options`, in chunks, until `limit` records
  /// are counted (a large block need not be parsed whole) or it fails: each record's field count,
  /// and whether it stopped on an error. `finishing`: the text is the whole file, and a last
  /// record without a line break counts once all of it is parsed.
  private static func tally(
    _ text: UnsafeRawBufferPointer, separator: Separator, options: UInt8, keepingSpaces: Bool, records limit: Int,
    finishing: Bool
  ) -> (records: [Int], failed: Bool) {
    let parser = UnsafeMutablePointer<csv_parser>.allocate(capacity: 1)
    csv_init(parser, options)
    defer {
      csv_free(parser)
      parser.deallocate()
    }
    csv_set_delim(parser, separator.byte)
    if keepingSpaces { csv_set_space_func(parser, noSpace) }
    var tally = FieldTally()
    var failed = false
    withUnsafeMutablePointer(to: &tally) { pointer in
      var offset = 0
      while offset < text.count && pointer.pointee.records.count < limit {
        let chunk = min(4096, text.count - offset)
        offset += csv_parse(parser, text.baseAddress! + offset, chunk, onSampleField, onSampleRecord, pointer)
        if csv_error(parser) != CSV_SUCCESS {
          failed = true
          break
        }
      }
      if finishing && offset == text.count {
        csv_fini(parser, onSampleField, onSampleRecord, pointer)
      }
    }
    return (tally.records, failed)
  }

  /// The fields counted so far in the record in progress, and each finished record's count.
  struct FieldTally {
    var fields = 0
    var records: [Int] = []
  }
}

private let onSampleField: @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void =
  phareOnSampleField
private let onSampleRecord: @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void = phareOnSampleRecord

/// libcsv's field callback while sampling: counts the field.
@_cdecl("phare_on_sample_field")
func phareOnSampleField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
  context.unsafelyUnwrapped.assumingMemoryBound(to: FieldCountSampler.FieldTally.self).pointee.fields += 1
}

/// libcsv's record callback while sampling: keeps the record's field count.
@_cdecl("phare_on_sample_record")
func phareOnSampleRecord(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
  let tally = context.unsafelyUnwrapped.assumingMemoryBound(to: FieldCountSampler.FieldTally.self)
  tally.pointee.records.append(tally.pointee.fields)
  tally.pointee.fields = 0
}
