import CRuntimeShim
import Dispatch
import Terminal

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a program run with `runInForeground` ended.
public enum ChildOutcome: Equatable, Sendable {
  case exited(Int32)
  case signalled(Int32)
  case cannotRun(String)
}

/// Job control and `$EDITOR` on the real terminal: the terminal only leaves and re-enters curses
/// mode (`suspend`/`resume`); stopping the job and running the child are the runtime's.
extension NcursesTerminal: EditorTerminal {
  public func takeContinued() -> Bool {
    guard er_take_continued() != 0 else { return false }
    invalidate()
    return true
  }

  /// Ctrl-Z: leaves the screen, stops the job as a shell's Ctrl-Z would, and comes back on `fg`
  /// (the next `draw` repaints everything).
  public func suspendToShell() {
    suspend()
    er_stop_job()
    resume()
  }

  /// Runs `argv` (argv[0] an absolute path) with the terminal handed over: curses mode left, the
  /// child in its own process group made the terminal's foreground group, default signals; after
  /// it ends the terminal is taken back and the next `draw` repaints everything.
  public func runInForeground(_ argv: [String]) -> ChildOutcome {
    suspend()
    defer { resume() }
    var cStrings = argv.map { strdup($0) }
    cStrings.append(nil)
    defer { for p in cStrings { free(p) } }
    var status: Int32 = 0
    let rc = cStrings.withUnsafeMutableBufferPointer { buf in
      er_run_foreground(UnsafePointer(buf[0]), buf.baseAddress!, &status)
    }
    if rc != 0 { return .cannotRun(String(cString: strerror(errno))) }
    // Decoded as <sys/wait.h> does (its macros are not visible to Swift).
    if status & 0x7F == 0 { return .exited((status >> 8) & 0xFF) }
    return .signalled(status & 0x7F)
  }

  /// True when standard input's terminal has been closed (its pty's other side is gone).
  public func hungUp() -> Bool {
    var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
    guard poll(&descriptor, 1, 0) > 0 else { return false }
    return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
  }
}

/// The editor's signal handling. The terminal is restored on every way out.
enum RuntimeSignals {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  /// SIGTERM/SIGHUP/SIGINT: calls `onSignal` (on a dispatch queue, not in signal context), restores
  /// the terminal and exits with 128+signal. SIGSEGV/SIGILL/SIGTRAP/SIGBUS/SIGABRT/SIGFPE: the
  /// terminal's emergency reset (write(2), termios, stderr), then the default action. SIGCONT is
  /// noted so the screen is repainted. (SIGWINCH and a SIGTSTP from outside are ncurses' own: it
  /// turns the one into a resize key and leaves curses mode around the other.) Call once, early.
  static func install(onSignal: @escaping @Sendable (Int32) -> Void) {
    er_install_crash_handlers(NcursesTerminal.emergencyRestore)
    er_install_cont_handler()
    // A parent may start us with these signals blocked (test runners do); they must reach us.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for sig in [SIGTERM, SIGHUP, SIGINT, SIGSEGV, SIGILL, SIGTRAP, SIGBUS, SIGABRT, SIGFPE] { sigaddset(&unblock, sig) }
    pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    let queue = DispatchQueue(label: "ecwid-edit.signals")
    for sig in [SIGTERM, SIGHUP, SIGINT] {
      signal(sig, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: sig, queue: queue)
      source.setEventHandler {
        onSignal(sig)
        NcursesTerminal.restoreFromAnyThread()
        exit(128 + sig)
      }
      source.resume()
      sources.append(source)
    }
  }
}
