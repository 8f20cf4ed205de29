import EditorRuntime
import Testing

@Suite struct RuntimeOptionsTests {
  @Test func remoteCheckIntervalComesFromTheEnvironment() {
    #expect(EditorOptions.remoteCheckInterval(from: [:]) == 30)
    #expect(EditorOptions.remoteCheckInterval(from: ["ECWID_EDIT_REMOTE_CHECK_SECONDS": "1"]) == 1)
    #expect(EditorOptions.remoteCheckInterval(from: ["ECWID_EDIT_REMOTE_CHECK_SECONDS": "0"]) == 0)
    #expect(EditorOptions.remoteCheckInterval(from: ["ECWID_EDIT_REMOTE_CHECK_SECONDS": "abc"]) == 30)
  }
}
