import Foundation

/// A value computed on another core while the caller goes on (the second half of a large export's
/// parse, its SHA-256, a labelled file); `value` waits for it.
///
/// A value no thread has started when it is asked for is computed by the thread asking: waves run
/// at once can hold every thread of the system's pool, each waiting for a value queued behind
/// them, which would otherwise wait until the pool grows.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private let done = DispatchGroup()
  private var compute: (@Sendable () -> Value)?
  private var result: Value?

  init(_ compute: @escaping @Sendable () -> Value) {
    self.compute = compute
    done.enter()
    DispatchQueue.global().async { self.run() }
  }

  /// Whether a thread has begun computing the value (and so will finish it without help).
  var hasStarted: Bool {
    lock.withLock { compute == nil }
  }

  /// The value, once computed (here, if no thread has started it).
  var value: Value {
    run()
    done.wait()
    return result!
  }

  /// Computes the value unless a thread already has.
  private func run() {
    let claimed = lock.withLock { () -> (@Sendable () -> Value)? in
      defer { compute = nil }
      return compute
    }
    guard let claimed else { return }
    result = claimed()
    done.leave()
  }
}
