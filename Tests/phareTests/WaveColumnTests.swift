import Foundation
import Testing

/// `inputs.wave: {column: vague}` end to end, on copies of the shipped mayors' pipeline and of its
/// exports with a `vague` column added: the column's value is the wave's identity for its folder,
/// its registry record, skipping it unchanged, the trends, the series feed and the matrix, which
/// are those of the same exports identified by their file names.
@Suite struct WaveColumnTests {
  private typealias Workspace = UnattendedRunTests.Workspace

  /// A matrix over the mayors' pipeline, as the shipped territorial matrix reads it, and with
  /// `citizens` the citizens' pipeline too (its wave ids from its file names).
  static func matrix(citizens: Bool = false) -> String {
    """
    matrix: territoires
    domains: domaines.csv
    breakdown: region
    measures:
      - {id: partenariats-maires, pipeline: institutions.yml, variables: "q2_*", category: 1}

    """
      + (citizens ? "  - {id: importance-citoyens, pipeline: citoyens.yml, variables: \"importance_*\"}\n" : "")
  }

  /// The mayors' workspace with the matrix spec beside the pipeline, and the citizens' pipeline
  /// and its three waves with `citizens`.
  static func workspace(waves: [String], citizens: Bool = false) throws -> UnattendedRunTests.Workspace {
    let space = try Workspace(waves: waves)
    if citizens {
      for file in [
        "Pipelines/citoyens.yml", "Pipelines/codebooks/citoyens.yml", "Fixtures/populations/adultes-2015.csv",
      ]
        + ["2015", "2016", "2017"].map({ "Fixtures/citoyens/citoyens-\($0).csv" })
      {
        try space.copy(file)
      }
    }
    try matrix(citizens: citizens).write(
      toFile: space.root + "/Pipelines/territoires.yml", atomically: true, encoding: .utf8)
    return space
  }

  /// The same workspace reading `export-*.csv` with the wave id in column `vague`, the exports named
  /// so that their file order (a, b, c) is not the wave order (2017, 2015, 2016).
  private static func columnWorkspace(citizens: Bool = false) throws -> Workspace {
    let space = try workspace(waves: [], citizens: citizens)
    let spec = try String(contentsOfFile: space.spec, encoding: .utf8)
    let byColumn = spec.replacingOccurrences(
      of: "  files: \"maires-*.csv\"\n  wave:\n    file_name: \"maires-(\\\\d{4})\"\n",
      with: "  files: \"export-*.csv\"\n  wave: {column: vague}\n")
    #expect(byColumn != spec)
    try byColumn.write(toFile: space.spec, atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(
      atPath: space.root + "/Fixtures/institutions", withIntermediateDirectories: true)
    for (name, wave) in [("export-a", "2017"), ("export-b", "2015"), ("export-c", "2016")] {
      try writeExport(of: wave, to: space, as: name, vague: wave)
    }
    return space
  }

  /// Writes the shipped export of `wave` as `Fixtures/institutions/<name>.csv` with a last column
  /// `vague` holding `vague` on every record (each record is one line of those exports).
  private static func writeExport(of wave: String, to space: Workspace, as name: String, vague: String) throws {
    let shipped = UnattendedRunTests.repository + "/Fixtures/institutions/maires-\(wave).csv"
    let lines = try String(contentsOfFile: shipped, encoding: .utf8).components(separatedBy: "\r\n")
    #expect(lines.last == "" && !lines.dropLast().contains(""))
    let text = lines.dropLast().enumerated().map { $0.element + ($0.offset == 0 ? ";vague" : ";" + vague) + "\r\n" }
    try text.joined().write(toFile: path(name, in: space), atomically: true, encoding: .utf8)
  }

  private static func path(_ export: String, in space: Workspace) -> String {
    space.root + "/Fixtures/institutions/\(export).csv"
  }

  /// `phare run Pipelines` (the pipeline and the matrix) on the workspace.
  private static func run(_ space: Workspace, _ more: String...) throws -> PhareProcess {
    try PhareProcess.run(["run", space.root + "/Pipelines", "--out", space.out] + more)
  }

  /// A file's text without the feeds' `generated_at` stamp.
  private static func stable(_ space: Workspace, _ path: String) throws -> String {
    try space.text(path).split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("\"generated_at\"") }.joined(separator: "\n")
  }

  /// The matrix also reads the citizens' pipeline, whose wave ids come from its file names: the
  /// mayors' waves from the column meet the citizens' of the same id.
  @Test func wavesAreTheColumnsValuesEverywhere() throws {
    let byName = try Self.workspace(waves: ["2015", "2016", "2017"], citizens: true)
    defer { byName.remove() }
    let byColumn = try Self.columnWorkspace(citizens: true)
    defer { byColumn.remove() }
    #expect(try Self.run(byName).status == 0)
    let first = try Self.run(byColumn)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("  wave 2015: 311 rows read, 304 kept, 7 quarantined"), "\(first.stdout)")
    #expect(first.stdout.contains("  wave 2017: 311 rows read, 304 kept, 7 quarantined"))
    // The headlines are the latest wave's, 2017, though export-c (2016) is the last file.
    let mayors = first.stdout.components(separatedBy: "PHARE-Institutions").last?.components(separatedBy: "outputs:")
    #expect(mayors?.first?.contains("\n    2017 ") == true, "\(first.stdout)")
    let folders = try FileManager.default.contentsOfDirectory(atPath: byColumn.survey).sorted()
    #expect(folders == ["2015", "2016", "2017", "feed.json", "series-manifest.json", "trends.csv"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: byColumn.out + "/territoires").sorted() == [
        "2015", "2016", "2017",
      ])

    // The same exports identified by file name give the same outputs, trends and feed included.
    let trends = try byColumn.text("institutions/trends.csv").split(separator: "\r\n")
    #expect(
      trends.count > 100 && trends.contains { $0.contains(",2015,2016,") }
        && trends.contains { $0.contains(",2016,2017,") })
    #expect(try byColumn.text("institutions/trends.csv") == byName.text("institutions/trends.csv"))
    #expect(try Self.stable(byColumn, "institutions/feed.json") == Self.stable(byName, "institutions/feed.json"))
    for wave in ["2015", "2016", "2017"] {
      for file in ["institutions/\(wave)/indicators.csv", "institutions/\(wave)/weights.csv"] {
        #expect(try byColumn.text(file) == byName.text(file), "\(file)")
      }
      let matrix = "territoires/\(wave)"
      let files = try FileManager.default.contentsOfDirectory(atPath: byName.out + "/" + matrix).sorted()
      #expect(files.contains("matrix.csv"), "\(files)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: byColumn.out + "/" + matrix).sorted() == files)
      // Their manifests differ, naming the exports' and specs' SHA-256.
      for file in files where file != "manifest.json" {
        #expect(try Self.stable(byColumn, matrix + "/" + file) == Self.stable(byName, matrix + "/" + file), "\(file)")
      }
    }

    // Unchanged, every wave and the matrix are skipped: nothing is read again, nothing rewritten.
    let before = try byColumn.modificationTimes()
    let again = try Self.run(byColumn)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(!again.stderr.contains(" clean done "), "\(again.stderr)")
    for wave in ["2015", "2016", "2017"] {
      #expect(again.stdout.contains("  wave \(wave): unchanged since the last run, skipped"))
      #expect(again.stdout.contains("  wave \(wave): unchanged\n"))
    }
    #expect(try byColumn.modificationTimes() == before)
    let history = try PhareProcess.run("history", "institutions", "--registry", byColumn.out + "/phare.sqlite")
    #expect(
      history.stdout.split(separator: "\n").filter { $0.hasPrefix("  wave ") }.map { $0.prefix(16) } == [
        "  wave 2015: ok;", "  wave 2016: ok;", "  wave 2017: ok;",
      ])
  }

  /// Two exports whose column gives one wave id: that wave fails, naming both, its previous outputs
  /// kept; the other waves are skipped. A failed wave's reasons go to `rejected/<column value>/`,
  /// or `rejected/<file name>/` when the column gives no one id.
  @Test func twoExportsOfOneWaveFailItNamingBoth() throws {
    let space = try Self.columnWorkspace()
    defer { space.remove() }
    #expect(try Self.run(space, "--quiet").status == 0)
    let indicators = try space.text("institutions/2016/indicators.csv")
    let trends = try space.text("institutions/trends.csv")
    // Another export (2015's answers) saying it is wave 2016.
    try Self.writeExport(of: "2015", to: space, as: "export-d", vague: "2016")
    let clash = try Self.run(space)
    #expect(clash.status == 2)
    let problem =
      "wave 2016: several exports give this wave id in column 'vague': \(Self.path("export-c", in: space)), "
      + "\(Self.path("export-d", in: space)); keep one export per wave"
    #expect(clash.stderr.contains("error: \(Self.path("export-c", in: space)): \(problem)\n"), "\(clash.stderr)")
    #expect(clash.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }.count == 1, "\(clash.stderr)")
    #expect(clash.stdout.contains("  wave 2016: FAILED, previous outputs kept: \(problem)\n"), "\(clash.stdout)")
    #expect(clash.stdout.contains("  wave 2015: unchanged since the last run, skipped"))
    #expect(!clash.stderr.contains(" clean done "))
    #expect(try space.text("institutions/2016/indicators.csv") == indicators)
    #expect(try space.text("institutions/trends.csv") == trends)
    #expect(try space.text("institutions/rejected/2016/manifest.json").contains("several exports give this wave id"))
    // `phare clean` writes neither of them to the folder of wave 2016, saying so.
    let clean = try PhareProcess.run("clean", space.spec, "--out", space.root + "/clean")
    #expect(clean.status == 2)
    #expect(clean.stderr.contains("error: \(Self.path("export-d", in: space)): \(problem)\n"), "\(clean.stderr)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: space.root + "/clean").sorted() == [
        "2015", "2017", "manifest.json", "quarantine.csv",
      ])
    try FileManager.default.removeItem(atPath: Self.path("export-d", in: space))
    let resolved = try Self.run(space)
    #expect(resolved.status == 0, "\(resolved.stderr)")
    #expect(resolved.stdout.contains("  wave 2016: unchanged since the last run, skipped"))
    #expect(!FileManager.default.fileExists(atPath: space.survey + "/rejected/2016"))

    // An export whose column holds two ids fails under its file name; fixed, it is its wave, and
    // the rejected folder named after the file goes.
    let mixed = Self.path("export-e", in: space)
    try Self.writeExport(of: "2016", to: space, as: "export-e", vague: "2018")
    var text = try String(contentsOfFile: mixed, encoding: .utf8)
    text.replaceSubrange(try #require(text.range(of: ";2018\r\n", options: .backwards)), with: ";2019\r\n")
    try text.write(toFile: mixed, atomically: true, encoding: .utf8)
    let two = try Self.run(space)
    #expect(two.status == 2)
    #expect(two.stderr.contains("error: \(mixed): column 'vague' should hold one wave id, found: 2018, 2019\n"))
    #expect(FileManager.default.fileExists(atPath: space.survey + "/rejected/export-e/manifest.json"))
    try Self.writeExport(of: "2016", to: space, as: "export-e", vague: "2018")
    let fixed = try Self.run(space)
    #expect(fixed.status == 0, "\(fixed.stderr)")
    #expect(fixed.stdout.contains("  wave 2018: 311 rows read, 304 kept, 7 quarantined"))
    #expect(!FileManager.default.fileExists(atPath: space.survey + "/rejected/export-e"))
    let fourWaves = try space.text("institutions/trends.csv")
    #expect(fourWaves.contains(",2017,2018,"))

    // 30 respondents from a region the codebook does not know: wave 2017 (export-a) fails, kept.
    let export = Self.path("export-a", in: space)
    let extra = (0..<30).map { index in
      let answers = ["1", "0", "0"] + Array(repeating: "1", count: 16) + ["1", "1", "4", "99", "", "2017"]
      return (["X\(index)", "", "", "", "", "99", "1", "1", "500"] + answers).joined(separator: ";") + "\r\n"
    }.joined()
    let good = try space.text("institutions/2017/indicators.csv")
    try (try Data(contentsOf: URL(fileURLWithPath: export)) + Data(extra.utf8)).write(to: URL(fileURLWithPath: export))
    let failed = try Self.run(space)
    #expect(failed.status == 2)
    #expect(failed.stderr.contains("error: \(export): wave 2017: 10.9% of rows quarantined"), "\(failed.stderr)")
    #expect(try space.text("institutions/2017/indicators.csv") == good)
    #expect(try space.text("institutions/trends.csv") == fourWaves)
    #expect(try space.text("institutions/rejected/2017/quarantine.csv").contains(",clean.unknown-code,"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: space.survey + "/rejected") == ["2017"])
  }
}
