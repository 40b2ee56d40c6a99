/// What a blank item column of a multiple-response set means.
public enum BlankItems: String, Sendable, CaseIterable {
  /// A blank item is unanswered, like any blank cell (the default).
  case missing
  /// A blank item is an unticked box when the respondent ticked or answered another item of the set;
  /// a respondent with every item blank did not answer the question and stays out of its base.
  case notTicked = "not-ticked"
}
