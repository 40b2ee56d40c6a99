import Foundation

/// A value computed on another core while the caller goes on (an export's SHA-256 while it is
/// parsed, the identifiers' codes while the other columns are cleaned); `value` waits for it.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private let done = DispatchGroup()
  private var result: Value?

  init(_ compute: @escaping @Sendable () -> Value) {
    done.enter()
    DispatchQueue.global().async {
      self.result = compute()
      self.done.leave()
    }
  }

  /// The value, once computed.
  var value: Value {
    done.wait()
    return result!
  }
}
