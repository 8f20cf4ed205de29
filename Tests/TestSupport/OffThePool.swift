import EcwidSandbox
import Testing

/// Threads of their own for tests that would otherwise hold one of the cooperative pool's threads
/// for seconds. On a 2-core machine that pool has two threads, and Swift Testing runs every test on
/// it: one end-to-end test waiting on a subprocess plus one long CPU-bound test left no thread for
/// the asynchronous tests beside them, whose requests then "took" 15 s (a CI run failed on it).
public enum TestThreads {
  /// Long CPU-bound work: fuzzing, property checks, the huge product in a debug build.
  public static let heavy = ThreadTaskExecutor(name: "heavy-tests")
  /// The end-to-end tests, which block while tmux, the editor and subprocesses run (they run one at
  /// a time, so one thread is enough).
  public static let endToEnd = ThreadTaskExecutor(name: "end-to-end-tests")
}

/// Runs a test (or every test of a suite) on one of `TestThreads`, through a task executor
/// preference: the test's own code and the nonisolated async functions it calls run there.
public struct OffThePool: TestTrait, SuiteTrait, TestScoping {
  let executor: ThreadTaskExecutor

  public var isRecursive: Bool { true }

  public func provideScope(
    for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void
  ) async throws {
    try await withTaskExecutorPreference(executor) { try await function() }
  }
}

extension Trait where Self == OffThePool {
  /// Long CPU-bound work, on `TestThreads.heavy`.
  public static var heavy: Self { OffThePool(executor: TestThreads.heavy) }
  /// Blocking end-to-end work, on `TestThreads.endToEnd`.
  public static var endToEnd: Self { OffThePool(executor: TestThreads.endToEnd) }
}
