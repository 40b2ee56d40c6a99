import Foundation

/// A matrix checked against the pipelines it reads, before any of them runs.
extension MatrixSpec {
  /// Problems of the matrix given the pipelines that passed their own checks (by spec path):
  /// each measure's pipeline passed, estimates the matrix's breakdown, and has variables matching
  /// the measure's pattern, tagged with a domain, that give the statistic the measure takes.
  func problems(pipelines: [String: Pipeline]) -> [SpecDiagnostic] {
    var problems: [SpecDiagnostic] = []
    func report(_ line: Int?, _ message: String) {
      problems.append(SpecDiagnostic(file: file, line: line, message: message))
    }
    do {
      _ = try FragilityDomain.load(domains)
    } catch let error as SpecProblems {
      problems += error.diagnostics
    } catch {
      report(lines["domains"], "domains file \(domains): \(error)")
    }
    for measure in measures {
      let context = "measure '\(measure.id)'"
      guard let pipeline = pipelines[measure.pipeline] else {
        report(measure.line, "\(context): pipeline \(measure.pipeline) does not validate (its problems are listed)")
        continue
      }
      let breakdowns = pipeline.spec.estimate?.breakdowns ?? []
      if !breakdowns.contains([breakdown]) {
        report(measure.line, "\(context): \(measure.pipeline) does not estimate the breakdown '\(breakdown)'")
      }
      let matched = pipeline.estimatedColumns.filter { $0.domain != nil && fnmatch(measure.variables, $0.name, 0) == 0 }
      guard !matched.isEmpty else {
        report(
          measure.line,
          "\(context): no estimated variable of \(measure.pipeline) matches '\(measure.variables)' with a domain")
        continue
      }
      // One variable per domain in any wave, or the matrix cell would have two values.
      var byDomain: [String: [String]] = [:]
      for column in matched {
        let others = byDomain[column.domain!, default: []]
        if let other = others.first(where: { pipeline.mayBeAskedTogether($0, column.name) }), other != column.name {
          report(measure.line, "\(context): \(other) and \(column.name) both measure domain \(column.domain!)")
        }
        byDomain[column.domain!, default: []].append(column.name)
      }
      // One line per kind of problem, naming the first variable that has it.
      var found: [(kind: Int, message: String, count: Int)] = []
      for column in matched {
        let problem: (Int, String)?
        switch (column.codes, measure.category) {
        case (nil, let category?):
          problem = (0, "'\(column.name)' has a mean, not categories (remove category \(category))")
        case (.some, nil):
          problem = (1, "'\(column.name)' has proportions: name the category whose share is taken")
        case (let codes?, let category?) where !codes.contains(category):
          problem = (2, "category \(category) is not a code of '\(column.name)'")
        default:
          problem = nil
        }
        guard let (kind, message) = problem else { continue }
        if let index = found.firstIndex(where: { $0.kind == kind }) {
          found[index].count += 1
        } else {
          found.append((kind, message, 0))
        }
      }
      for (_, message, more) in found {
        report(measure.line, "\(context): \(message)" + (more > 0 ? " (and \(more) more)" : ""))
      }
    }
    return problems
  }
}
