/// One survey's pipeline, as declared in its YAML file under `Pipelines/`.
public struct PipelineSpec: Equatable, Sendable {
  public struct Inputs: Equatable, Sendable {
    /// The folder holding one export per wave (absolute, resolved from the spec's folder).
    public var folder: String
    /// Shell pattern of the wave files' names.
    public var files: String
    public var wave: WaveSource
    /// Separator to use instead of detecting it.
    public var separator: Separator?
    /// How the encoding of the exports is chosen (`auto` unless set).
    public var encoding: InputEncoding = .auto
  }

  public struct Clean: Equatable, Sendable {
    /// A wave fails when more than this share of its rows is quarantined.
    public var quarantineThreshold: Double
    public var dontKnow: DontKnowPolicy
    public var derived: [DerivedVariable]
    public var consistency: [ConsistencyRule]
    /// Whether a cell that breaks a codebook rule quarantines its row or is set missing.
    public var invalidCells: InvalidCells = .quarantineRow
  }

  /// What the run writes besides the stages' own outputs (`outputs:`).
  public struct Outputs: Equatable, Sendable {
    /// The formats of each wave's clean microdata; empty writes none.
    public var microdata = MicrodataFormat.defaults
  }

  /// The spec file itself.
  public var file: String
  public var survey: String
  public var title: String
  /// Who answered (`maires`, `citoyens`, `associations`, `entreprises`): every indicator says it.
  public var actor: String
  public var inputs: Inputs
  /// The codebook file (absolute).
  public var codebook: String
  /// The population margins file used by weighting (absolute), if any.
  public var populations: String?
  /// The fragility domains file (absolute) the codebook's `domain:` ids come from, if any.
  public var domains: String?
  public var clean: Clean
  /// The sample design (strata, clusters, design weights, fpc), if the sample is not a set of
  /// independent respondents with equal or `weight.start` weights.
  public var design: SurveyDesignSpec?
  /// How waves are weighted, if they are.
  public var weight: WeightingSpec?
  /// What indicators are estimated, if any.
  public var estimate: EstimationSpec?
  public var outputs = Outputs()
  /// The national indicators a run summary prints.
  public var headlines: [Headline] = []
  /// What each wave's report.html shows.
  public var report = ReportSpec()
  /// Where each key and list item is written in `file`, for diagnostics.
  public var lines = SpecLines()
}
