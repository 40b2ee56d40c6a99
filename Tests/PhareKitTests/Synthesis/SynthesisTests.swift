import Testing

/// The generators' suites, grouped so that `swift test --filter Synthesis` selects them.
@Suite enum SynthesisTests {}
