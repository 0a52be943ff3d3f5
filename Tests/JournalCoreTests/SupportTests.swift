import Testing
import Foundation
@testable import JournalCore

@Suite struct LocalDateTimeTests {
    @Test func parsesAndWritesRFC3339WithOffset() throws {
        let moment = try #require(LocalDateTime(iso8601: "2026-11-29T21:03:12+01:00"))
        #expect(moment == LocalDateTime(year: 2026, month: 11, day: 29, hour: 21, minute: 3, second: 12, utcOffsetMinutes: 60))
        #expect(moment.iso8601 == "2026-11-29T21:03:12+01:00")
        #expect(LocalDateTime(iso8601: "2026-11-29T21:03:12Z")?.iso8601 == "2026-11-29T21:03:12+00:00")
        #expect(LocalDateTime(iso8601: "2026-11-29 21:03-05:30")?.utcOffsetMinutes == -330)
        #expect(LocalDateTime(iso8601: "2026-11-29")?.hour == 0)
        #expect(LocalDateTime(iso8601: "2026-11-29T21:03:12.250+01:00")?.second == 12)
    }

    @Test(arguments: ["", "2026-13-01", "2026-02-30T00:00:00Z", "2026-11-29T25:00Z", "2026-11-29T21:03", "tomorrow",
                      "2026-11-29T21:03:12+01:00 extra"])
    func rejectsWhatIsNotADateTime(_ text: String) {
        #expect(LocalDateTime(iso8601: text) == nil)
    }

    @Test func instantIgnoresOffsetAndRoundTripsThroughEpochSeconds() {
        let paris = LocalDateTime(year: 2026, month: 1, day: 1, hour: 1, utcOffsetMinutes: 60)
        let london = LocalDateTime(year: 2026, month: 1, day: 1, hour: 0, utcOffsetMinutes: 0)
        #expect(paris.secondsSinceEpoch == london.secondsSinceEpoch)
        #expect(london.secondsSinceEpoch == 1_767_225_600)
        for seconds in stride(from: -2_000_000_000, through: 4_000_000_000, by: 123_456_789) {
            let moment = LocalDateTime.from(secondsSinceEpoch: seconds, utcOffsetMinutes: -420)
            #expect(moment.secondsSinceEpoch == seconds)
        }
        #expect(LocalDateTime.from(secondsSinceEpoch: 951_782_400, utcOffsetMinutes: 0).dateString == "2000-02-29")
    }
}

@Suite struct ContentHashTests {
    // Test vectors from FIPS 180-4 examples.
    @Test func matchesKnownSHA256Digests() {
        #expect(ContentHash(of: "").hex == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(ContentHash(of: "abc").hex == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(ContentHash(of: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq").hex
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(ContentHash(of: String(repeating: "a", count: 1_000_000)).hex
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

@Suite struct SlugTests {
    @Test(arguments: [
        ("Inner Critic", "inner-critic"), ("  The one who hides!  ", "the-one-who-hides"), ("Éloïse", "eloise"),
        ("e\u{301}motion", "emotion"), ("小さい子", ""), ("Part #2", "part-2"), ("Straße", "strasse"),
    ])
    func makesReadableSlugs(_ name: String, _ slug: String) {
        #expect(name.slug == slug)
    }
}

/// The pure core must not reach for the disk, the clock or the terminal (docs/architecture.md).
@Suite struct CorePurityTests {
    @Test func coreSourcesUseNoFileSystemClockOrProcessState() throws {
        let coreFolder = String(#filePath).components(separatedBy: "/Tests/")[0] + "/Sources/JournalCore"
        let files = try #require(FileManagerLite.swiftFiles(under: coreFolder))
        #expect(files.count > 10)
        let forbidden = ["FileManager", "Date()", "ProcessInfo", "getenv", "fopen", "import Glibc", "import Darwin",
                         "CNcurses", "FileHandle"]
        for file in files {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            for word in forbidden {
                #expect(!text.contains(word), "\(file) uses \(word)")
            }
        }
    }
}

@Suite struct CalendarNamesTests {
    @Test func weekdaysAndLongDates() {
        #expect(LocalDateTime(year: 2026, month: 11, day: 29).longDate == "Sunday 29 November 2026")
        #expect(LocalDateTime(year: 1970, month: 1, day: 1).isoWeekday == 4)
        #expect(LocalDateTime(year: 2000, month: 2, day: 29).longDate == "Tuesday 29 February 2000")
        #expect(LocalDateTime(year: 1969, month: 12, day: 29).isoWeekday == 1)
        #expect(LocalDateTime(year: 2026, month: 3, day: 4).shortDate == "4 Mar")
    }
}
