import EcwidAPI
import Foundation
import Testing

/// The log's time stamps are written without a date formatter; they must read exactly as the
/// formatter wrote them.
@Suite struct LogStampTests {
  @Test(arguments: [0, 951_782_400, 1_709_164_800, 1_796_057_675, 2_147_483_648, 4_102_444_799] as [Int])
  func aStampReadsLikeISO8601(seconds: Int) {
    let expected = ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(seconds)))
    #expect(FileLogHandler.utcStamp(time_t(seconds)) == expected)
  }
}
