import Foundation

/// A task executor on a thread of its own. The sandbox serves on it, so a process that blocks
/// the shared cooperative pool (a test waiting on a subprocess, say) cannot starve the server
/// that the subprocess is talking to. Tests also run their long CPU-bound work on one, so that the
/// two threads of the cooperative pool stay free for the asynchronous tests beside them.
public final class ThreadTaskExecutor: TaskExecutor, @unchecked Sendable {
  private let condition = NSCondition()
  private var jobs: [UnownedJob] = []

  public init(name: String) {
    let thread = Thread { [unowned self] in self.loop() }
    thread.name = name
    thread.start()
  }

  public func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    condition.lock()
    jobs.append(job)
    condition.signal()
    condition.unlock()
  }

  private func loop() {
    while true {
      condition.lock()
      while jobs.isEmpty { condition.wait() }
      let batch = jobs
      jobs.removeAll(keepingCapacity: true)
      condition.unlock()
      for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
    }
  }

  /// One for every sandbox in the process: its work is short, the network I/O is NIO's.
  static let shared = ThreadTaskExecutor(name: "ecwid-sandbox")
}
