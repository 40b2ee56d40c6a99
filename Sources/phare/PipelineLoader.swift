import ArgumentParser
import Foundation
import PhareKit

/// Loads a pipeline for a command, printing every spec problem on its own line before failing.
enum PipelineLoader {
  static func load(_ path: String, through stage: PipelineStage) throws -> Pipeline {
    do {
      return try Pipeline.load(path, through: stage)
    } catch let problems as SpecProblems {
      report(problems, in: path)
      throw ExitCode.failure
    }
  }

  /// A codebook on its own, its problems printed as a spec's are.
  static func codebook(_ path: String) throws -> Codebook {
    do {
      return try Codebook.load(file: path)
    } catch let problems as SpecProblems {
      report(problems, in: path)
      throw ExitCode.failure
    }
  }

  /// Prints each problem on its own line, then their count.
  static func report(_ problems: SpecProblems, in path: String) {
    for diagnostic in problems.diagnostics {
      printError("error: \(diagnostic)")
    }
    printError("\(problems.diagnostics.count) problem(s) in \(path)")
  }

  static func printError(_ line: String) {
    var standardError = StandardError()
    print(line, to: &standardError)
  }
}

/// The process's standard error as a text stream.
struct StandardError: TextOutputStream {
  mutating func write(_ string: String) {
    FileHandle.standardError.write(Data(string.utf8))
  }
}
