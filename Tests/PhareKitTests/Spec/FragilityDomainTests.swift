import Testing

@testable import PhareKit

/// Domain tags: the domains file, `domain:` on codebook variables and items, and the checks between them.
@Suite struct FragilityDomainTests {
  private let codebook = """
    variables:
      id: {type: identifier}
      importance_01: {type: scale, range: [0, 10], domain: emploi}
      coconstruction:
        type: multiple
        items:
          coconstruction_01: {label: Emploi, domain: emploi}
          coconstruction_04: {label: Pauvreté, domain: pauvrete}
          coconstruction_autre: Autre
      q2_01:
        type: single
        domain: emploi
        values: {1: Très important, 2: Important}

    """

  private let spec = """
    survey: test
    actor: citoyens
    inputs:
      folder: waves
      wave: {file_name: "w(\\\\d{4})"}
    codebook: codebook.yml
    domains: domaines.csv
    clean:
      derived:
        - {name: q2_01_tres, net: {of: q2_01, codes: [1]}}

    """

  private let wave = """
    id,importance_01,coconstruction_01,coconstruction_04,coconstruction_autre,q2_01
    1,7,1,0,0,1
    2,5,0,1,1,2
    3,9,1,1,0,1

    """

  private func pipeline(domains: String, codebook: String? = nil) throws -> (TemporaryFolder, String) {
    let folder = try TemporaryFolder()
    try folder.write("codebook.yml", codebook ?? self.codebook)
    try folder.write("domaines.csv", domains)
    try folder.write("waves/w2016.csv", wave)
    return (folder, try folder.write("pipeline.yml", spec))
  }

  @Test func theBundledDomainsFileListsTheSixteenPublishedDomains() throws {
    let domains = try FragilityDomain.load(Fixtures.pipelines("domaines.csv"))
    #expect(domains.map(\.code) == Array(1...16))
    #expect(domains[0] == FragilityDomain(code: 1, id: "emploi", label: "Emploi / chômage / insertion professionnelle"))
    #expect(domains[15] == FragilityDomain(code: 16, id: "mobilite", label: "Mobilité / transports"))
    #expect(Set(domains.map(\.id)).count == 16)
  }

  @Test func malformedAndRepeatedDomainLinesAreReportedWithTheirLines() throws {
    let folder = try TemporaryFolder()
    defer { folder.remove() }
    let file = try folder.write("d.csv", "code,id,label\n1,emploi,Emploi\nx,sante,Santé\n3,emploi,Encore\n4,,Sans id\n")
    #expect(throws: SpecProblems.self) { try FragilityDomain.load(file) }
    do {
      _ = try FragilityDomain.load(file)
    } catch let problems as SpecProblems {
      #expect(
        problems.diagnostics.map(\.description) == [
          "\(file):3: code 'x' should be a whole number above 0",
          "\(file):4: domain 3 'emploi' repeats a code or an id listed above",
          "\(file):5: domain 4 needs an id and a label",
        ])
    }
  }

  @Test func variablesItemsAndNetsCarryTheirDomainIntoTheCleanTable() throws {
    let (folder, file) = try pipeline(domains: "code,id,label\n1,emploi,Emploi\n4,pauvrete,Pauvreté\n")
    defer { folder.remove() }
    let pipeline = try Pipeline.load(file)
    #expect(pipeline.spec.actor == "citoyens")
    #expect(pipeline.domains.map(\.id) == ["emploi", "pauvrete"])
    let wave = try CleanStage(pipeline: pipeline).run(
      try CSVReader().read(pipeline.waves[0].path), wave: pipeline.waves[0])
    let domainOf = Dictionary(uniqueKeysWithValues: wave.variables.map { ($0.name, $0.domain) })
    #expect(domainOf["importance_01"] == "emploi")
    #expect(domainOf["coconstruction_01"] == "emploi")
    #expect(domainOf["coconstruction_04"] == "pauvrete")
    #expect(domainOf["coconstruction_autre"] == .some(nil))
    #expect(domainOf["q2_01_tres"] == "emploi")
    #expect(domainOf["id"] == .some(nil))
  }

  @Test func anUnknownDomainIdIsAnErrorAtItsVariable() throws {
    let (folder, file) = try pipeline(domains: "code,id,label\n1,emploi,Emploi\n")
    defer { folder.remove() }
    do {
      _ = try Pipeline.load(file)
      Issue.record("loading should fail")
    } catch let problems as SpecProblems {
      #expect(
        problems.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") } == [
          "codebook.yml:4: 'coconstruction_04' names domain 'pauvrete', which is not an id of domaines.csv"
        ])
    }
  }
}
