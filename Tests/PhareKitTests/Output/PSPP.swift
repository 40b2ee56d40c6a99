import Foundation
import TestSupport

/// GNU PSPP (Debian `pspp`, installed by `make test-deps`) run on a syntax file: an independent
/// client of the SPSS files phare writes. Its tables come back as CSV (`-O format=csv`).
struct PSPP {
  /// A variable as `DISPLAY DICTIONARY` shows it.
  struct Variable: Equatable {
    var label: String
    var measure: String
    /// The « Missing Values » column: the user-missing values, `; `-separated.
    var missing: String
    /// Value → label, user-missing values included.
    var values: [Double: String]
  }

  /// Runs `syntax` in `folder`; returns PSPP's output tables as CSV text.
  /// - Throws: when PSPP cannot run or reports an error (its output in the message).
  static func run(_ syntax: String, in folder: String) throws -> String {
    let script = folder + "/check.sps"
    let output = folder + "/pspp-output.csv"
    try syntax.write(toFile: script, atomically: true, encoding: .utf8)
    let run = try Subprocess.run(
      URL(fileURLWithPath: "/usr/bin/env"), ["pspp", "-O", "format=csv", "-o", output, script])
    let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    guard run.status == 0, !text.contains("error:") else {
      throw PSPPError(message: "pspp exited with \(run.status): \(text)")
    }
    return text
  }

  /// The variables of `DISPLAY DICTIONARY`'s tables (run with `SET TVARS=NAMES`), by name.
  static func dictionary(_ output: String) -> [String: Variable] {
    let tables = Dictionary(
      output.components(separatedBy: "\n\n").compactMap { block -> (String, [[String]])? in
        let rows = CSVText.rows(block.trimmingCharacters(in: .newlines) + "\n")
        guard let title = rows.first?.first, title.hasPrefix("Table: ") else { return nil }
        return (String(title.dropFirst("Table: ".count)), Array(rows.dropFirst(2)))
      }, uniquingKeysWith: { first, _ in first })
    var variables: [String: Variable] = [:]
    for row in tables["Variables"] ?? [] where row.count == 10 {
      variables[row[0]] = Variable(label: row[2], measure: row[3], missing: row[9], values: [:])
    }
    var current = ""
    for row in tables["Value Labels"] ?? [] where row.count == 3 {
      if !row[0].isEmpty { current = row[0] }
      let value = row[1].split(separator: "[").first.map(String.init) ?? row[1]
      if let number = Double(value.trimmingCharacters(in: .whitespaces)) {
        variables[current]?.values[number] = row[2]
      }
    }
    return variables
  }
}

struct PSPPError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
