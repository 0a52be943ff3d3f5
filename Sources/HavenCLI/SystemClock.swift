import Foundation
import JournalCore

/// The live clock: the system time at the system's current UTC offset.
public enum SystemClock {
    public static let clock = Clock {
        let now = Date()
        let offsetSeconds = TimeZone.current.secondsFromGMT(for: now)
        return LocalDateTime.from(secondsSinceEpoch: Int(now.timeIntervalSince1970.rounded(.down)),
                                  utcOffsetMinutes: offsetSeconds / 60)
    }
}
