import CReadStat

/// A ReadStat parse that returned an error code, turned into words by `reason`.
struct StatFileFailure: Error {
  let code: readstat_error_t

  /// ReadStat's message (`readstat_error_message`), with what phare knows besides: the cases a
  /// cut file announced and held, or where one of `size` bytes ends, an encrypted SPSS file or one
  /// that does not start as its format does (`start`, its first bytes), an old Stata file's
  /// release, the error handler's words.
  func reason(_ parse: StatFileParse, format: StatFileFormat, start: [UInt8], size: Int) -> String {
    var reason = readstat_error_message(code).map { String(cString: $0) } ?? "ReadStat error \(code.rawValue)"
    if code == READSTAT_ERROR_ROW_COUNT_MISMATCH, let announced = parse.announcedRows, announced >= 0 {
      reason +=
        " (its dictionary announces \(announced) cases, ReadStat read \(parse.rowsRead): "
        + "the file is cut short or damaged)"
    } else if format != .dta, start.count >= 17, start[8..<17].elementsEqual("ENCRYPTED".utf8) {
      // SPSS 21's encrypted wrapper: ENCRYPTED at byte 8 (PSPP developers' guide, "Encrypted File Wrappers").
      reason =
        "it is encrypted with a password (SPSS 21 or later), which ReadStat cannot read: save it unencrypted "
        + "from SPSS, or decrypt it with PSPP (pspp-convert -p PASSWORD in.sav out.sav)"
    } else if format != .dta, !start.starts(with: Array("$FL2".utf8)), !start.starts(with: Array("$FL3".utf8)) {
      reason += " (it does not start with $FL2 or $FL3, as SPSS system files do: not an SPSS file renamed .\(format)?)"
    } else if code == READSTAT_ERROR_READ {
      reason += " (the file ends after \(size) bytes: cut short?)"
    } else if format == .dta, let release = Self.release(start), !(104...119).contains(release) {
      reason += " (release \(release); ReadStat reads Stata files of release 104 to 119)"
    } else if let message = parse.errorMessage {
      reason += " (\(message))"
    }
    return reason
  }

  /// A Stata file's release: its first byte before release 117, its `<release>` tag since.
  private static func release(_ start: [UInt8]) -> Int? {
    let tag = Array("<stata_dta><header><release>".utf8)
    guard start.starts(with: tag) else { return start.first.map(Int.init) }
    return Int(String(decoding: start[tag.count...].prefix { $0 >= 48 && $0 <= 57 }, as: UTF8.self))
  }
}
