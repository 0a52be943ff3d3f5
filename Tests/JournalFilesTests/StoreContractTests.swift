import Foundation
import Testing
@testable import JournalCore
import JournalFiles

/// What every `JournalStore` promises, checked against the in-memory store and the file store.
@Suite("JournalStore contract")
struct StoreContractTests {
    // MARK: Entries

    @Test("a fresh store is empty", arguments: StoreKind.allCases)
    func freshStoreIsEmpty(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store

        let entries = try store.loadEntries()
        #expect(entries.entries.isEmpty)
        #expect(entries.problems.isEmpty)
        let parts = try store.loadParts()
        #expect(parts.parts.isEmpty)
        #expect(parts.problems.isEmpty)
        let drafts = try store.loadDrafts()
        #expect(drafts.drafts.isEmpty)
        #expect(drafts.problems.isEmpty)
        #expect(storeError { try store.loadEntry("20260105-093000-none") } == .entryNotFound("20260105-093000-none"))
    }

    @Test("a created entry loads back the same", arguments: StoreKind.allCases)
    func createThenLoad(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let entry = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30),
                              title: "Morning", answer: "Slept badly.\n\nBut the coffee was good — café ☕️.")

        let stored = try store.createEntry(entry)
        #expect(stored.entry == entry)
        #expect(stored.path == "entries/2026/01/20260105-093000-daily-checkin.md")
        let text = try #require(fixture.text(stored.path))
        #expect(text == EntryFormat.render(entry))
        #expect(stored.version == ContentHash(of: text))

        let listing = try store.loadEntries()
        #expect(listing.problems.isEmpty)
        #expect(listing.entries == [stored])

        let loaded = try store.loadEntry(entry.id)
        #expect(loaded == stored)
        #expect(loaded.entry == entry)
    }

    @Test("entries are listed newest first, by instant rather than wall clock", arguments: StoreKind.allCases)
    func newestFirst(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        // 10:00+01:00 is 09:00Z; 09:30+00:00 is 09:30Z, later although its clock reads earlier.
        let a = makeEntry("a", created: moment(day: 5, hour: 10, offset: 60))
        let b = makeEntry("b", created: moment(day: 5, hour: 9, minute: 30, offset: 0))
        let c = makeEntry("c", created: moment(day: 4, hour: 23, offset: -300)) // 2026-01-05T04:00Z
        let d = makeEntry("d", created: moment(day: 6, hour: 8), flow: nil)
        let e = makeEntry("e", created: moment(day: 20, hour: 12, month: 12, year: 2025))
        for entry in [a, c, e, d, b] { _ = try store.createEntry(entry) }

        let listing = try store.loadEntries()
        #expect(listing.problems.isEmpty)
        #expect(listing.entries.map(\.entry.id) == ["d", "b", "a", "c", "e"])
        #expect(listing.entries.map(\.entry) == [d, b, a, c, e])
    }

    @Test("two entries in the same second with the same flow get two files", arguments: StoreKind.allCases)
    func sameSecondSameFlow(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let when = moment(day: 5, hour: 21, minute: 3, second: 12)
        let first = makeEntry("20260105-210312-aaaa", created: when, title: "First", answer: "one")
        let second = makeEntry("20260105-210312-bbbb", created: when, title: "Second", answer: "two")

        let storedFirst = try store.createEntry(first)
        let storedSecond = try store.createEntry(second)
        #expect(storedFirst.path != storedSecond.path)
        #expect(storedFirst.path == "entries/2026/01/20260105-210312-daily-checkin.md")
        #expect(storedSecond.path == "entries/2026/01/20260105-210312-daily-checkin-2.md")
        #expect(fixture.text(storedFirst.path) == EntryFormat.render(first))
        #expect(fixture.text(storedSecond.path) == EntryFormat.render(second))

        #expect(try store.loadEntry(first.id) == storedFirst)
        #expect(try store.loadEntry(second.id) == storedSecond)
        let listing = try store.loadEntries()
        #expect(listing.problems.isEmpty)
        #expect(Set(listing.entries.map(\.entry)) == [first, second])
    }

    @Test("creating an entry whose id exists is refused", arguments: StoreKind.allCases)
    func createExistingIDThrows(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let original = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30))
        let stored = try store.createEntry(original)
        let before = fixture.bytes(stored.path)

        var clash = makeEntry("20260105-093000-ab12", created: moment(day: 7, hour: 18), title: "Another")
        #expect(storeError { try store.createEntry(clash) }?.kind == .alreadyExists)
        clash.created = original.created // even at the very same path
        #expect(storeError { try store.createEntry(clash) }?.kind == .alreadyExists)

        #expect(fixture.bytes(stored.path) == before)
        #expect(try store.loadEntries().entries == [stored])
    }

    @Test("creating never replaces a file already at the entry's path", arguments: StoreKind.allCases)
    func createNeverReplaces(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let entry = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30))
        let path = JournalLayout.entryPath(for: entry)
        // Something unreadable sits where the entry would go (an editor's half-finished file).
        let outsideText = "---\ntitle: [half typed\n"
        try fixture.writeOutside(path, outsideText)

        let stored = try store.createEntry(entry)
        #expect(stored.path == JournalLayout.entryPath(for: entry, number: 2))
        #expect(fixture.text(path) == outsideText)
        #expect(try store.loadEntry(entry.id) == stored)
    }

    @Test("a batch of entries is written as createEntry would write each", arguments: StoreKind.allCases)
    func createEntriesWritesEach(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let when = moment(day: 5, hour: 21, minute: 3, second: 12)
        let batch = [
            makeEntry("20260105-210312-aaaa", created: when, flow: nil, title: "First", answer: "one"),
            makeEntry("20260105-210312-bbbb", created: when, flow: nil, title: "Second", answer: "café ☕️ 春"),
            makeEntry("20251220-120000-cccc", created: moment(day: 20, hour: 12, month: 12, year: 2025), flow: nil),
        ]

        let result = try store.createEntries(batch)
        #expect(result.failure == nil)
        #expect(result.skipped.isEmpty)
        #expect(result.created.map(\.entry) == batch)
        // Same second, same (absent) flow: numbered names, as createEntry gives them.
        #expect(result.created.map(\.path) == ["entries/2026/01/20260105-210312-entry.md",
                                               "entries/2026/01/20260105-210312-entry-2.md",
                                               "entries/2025/12/20251220-120000-entry.md"])
        for stored in result.created {
            #expect(fixture.text(stored.path) == EntryFormat.render(stored.entry))
            #expect(stored.version == ContentHash(of: EntryFormat.render(stored.entry)))
        }
        let listing = try store.loadEntries()
        #expect(listing.problems.isEmpty)
        #expect(Set(listing.entries) == Set(result.created))
    }

    @Test("a batch skips ids already in the journal or repeated in the batch", arguments: StoreKind.allCases)
    func createEntriesSkipsTakenIDs(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let existing = try store.createEntry(makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30)))
        let before = fixture.bytes(existing.path)

        let clash = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30), title: "Another")
        let fresh = makeEntry("20260106-080000-cd34", created: moment(day: 6, hour: 8))
        let repeated = makeEntry("20260106-080000-cd34", created: moment(day: 6, hour: 8), title: "Again")
        let result = try store.createEntries([clash, fresh, repeated])
        #expect(result.failure == nil)
        #expect(result.created.map(\.entry) == [fresh])
        #expect(result.skipped == ["20260105-093000-ab12", "20260106-080000-cd34"])
        #expect(fixture.bytes(existing.path) == before)

        // A second run of the same batch writes nothing.
        let again = try store.createEntries([clash, fresh, repeated])
        #expect(again.created.isEmpty)
        #expect(again.skipped.count == 3)
        #expect(try store.loadEntries().entries.count == 2)
        #expect(try store.createEntries([]).created.isEmpty)
    }

    @Test("updating with the current version rewrites the entry and gives a new version",
          arguments: StoreKind.allCases)
    func updateWithCurrentVersion(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let original = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30))
        let stored = try store.createEntry(original)

        var changed = original
        changed.title = "Renamed"
        changed.tags = ["work", "sleep"]
        changed.starred = true
        let updated = try store.updateEntry(changed, expecting: stored.version)
        #expect(updated.path == stored.path)
        #expect(updated.entry == changed)
        #expect(updated.version != stored.version)
        #expect(fixture.text(stored.path) == EntryFormat.render(changed))
        #expect(try store.loadEntry(original.id) == updated)

        // The new version is the one to use next; the old one is now stale.
        var again = changed
        again.title = "Renamed again"
        let updatedAgain = try store.updateEntry(again, expecting: updated.version)
        #expect(try store.loadEntry(original.id).entry.title == "Renamed again")
        var late = changed
        late.title = "Too late"
        #expect(storeError { try store.updateEntry(late, expecting: stored.version) } == .changedOnDisk(stored.path))
        #expect(try store.loadEntry(original.id) == updatedAgain)
        #expect(try store.loadEntries().entries.count == 1)

        let stranger = makeEntry("never-created", created: moment(day: 9, hour: 9))
        #expect(storeError { try store.updateEntry(stranger, expecting: updatedAgain.version) }
                == .entryNotFound("never-created"))
    }

    @Test("updating after an outside edit is refused and the outside edit is kept",
          arguments: StoreKind.allCases)
    func updateAfterOutsideEdit(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let original = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30))
        let stored = try store.createEntry(original)

        var handEdited = original
        handEdited.title = "Edited in vim"
        handEdited.sections[0].text = "I added this by hand."
        let outsideText = EntryFormat.render(handEdited)
        try fixture.writeOutside(stored.path, outsideText)

        var mine = original
        mine.title = "Edited in Haven"
        #expect(storeError { try store.updateEntry(mine, expecting: stored.version) } == .changedOnDisk(stored.path))
        #expect(fixture.text(stored.path) == outsideText)

        // Reloading gives the outside edit and a version that works.
        let reloaded = try store.loadEntry(original.id)
        #expect(reloaded.entry == handEdited)
        #expect(reloaded.version == ContentHash(of: outsideText))
        let updated = try store.updateEntry(mine, expecting: reloaded.version)
        #expect(try store.loadEntry(original.id) == updated)
    }

    @Test("trashing moves the entry out of the listing into trash/, unchanged", arguments: StoreKind.allCases)
    func trashEntry(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let keep = try store.createEntry(makeEntry("keep", created: moment(day: 4, hour: 8)))
        let gone = try store.createEntry(makeEntry("gone", created: moment(day: 5, hour: 9, minute: 30)))
        let bytes = try #require(fixture.bytes(gone.path))

        try store.trashEntry(gone.entry.id, expecting: gone.version)
        #expect(try store.loadEntries().entries == [keep])
        #expect(storeError { try store.loadEntry("gone") } == .entryNotFound("gone"))
        #expect(fixture.bytes(gone.path) == nil)
        #expect(fixture.trashed("trash/" + gone.path) == bytes)
        #expect(storeError { try store.trashEntry("gone", expecting: gone.version) } == .entryNotFound("gone"))
    }

    @Test("trashing twice at the same path keeps both in the trash", arguments: StoreKind.allCases)
    func trashSamePathTwice(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let when = moment(day: 5, hour: 9, minute: 30)
        let first = try store.createEntry(makeEntry("first", created: when, answer: "one"))
        let firstBytes = try #require(fixture.bytes(first.path))
        try store.trashEntry("first", expecting: first.version)
        let second = try store.createEntry(makeEntry("second", created: when, answer: "two"))
        #expect(second.path == first.path) // the name was free again
        let secondBytes = try #require(fixture.bytes(second.path))
        try store.trashEntry("second", expecting: second.version)

        #expect(fixture.trashed("trash/" + first.path) == firstBytes)
        #expect(fixture.trashed("trash/" + JournalLayout.numbered(first.path, 2)) == secondBytes)
        #expect(try store.loadEntries().entries.isEmpty)
    }

    @Test("an entry is read and rewritten by its path alone, still checked", arguments: StoreKind.allCases)
    func byPath(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let stored = try store.createEntry(makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30)))
        #expect(try store.loadEntry(stored.entry.id, at: stored.path) == stored)
        #expect(storeError { try store.loadEntry("other", at: stored.path) } == .entryNotFound("other"))
        #expect(storeError { try store.loadEntry(stored.entry.id, at: "entries/nope.md") } == .entryNotFound(stored.entry.id))

        var starred = stored.entry
        starred.starred = true
        let updated = try store.updateEntry(starred, replacing: stored)
        #expect(try store.loadEntry(stored.entry.id).entry.starred)
        // The old version is stale: an update from it is refused and changes nothing.
        var stale = stored.entry
        stale.title = "stale"
        #expect(storeError { try store.updateEntry(stale, replacing: stored) } == .changedOnDisk(stored.path))
        #expect(try store.loadEntry(stored.entry.id, at: stored.path) == updated)
    }

    @Test("a trashed entry comes back where it was (undo), unchanged", arguments: StoreKind.allCases)
    func restoreFromTrash(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let stored = try store.createEntry(makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30)))
        let bytes = try #require(fixture.bytes(stored.path))
        let trashPath = try store.trashEntry(stored.entry.id, expecting: stored.version)
        #expect(trashPath == "trash/" + stored.path)

        let restored = try store.restoreEntry(fromTrash: trashPath, to: stored.path)
        #expect(restored == stored)
        #expect(fixture.bytes(stored.path) == bytes)
        #expect(fixture.trashed(trashPath) == nil)
        #expect(try store.loadEntries().entries == [stored])
        // Twice: it is no longer in the trash, and nothing is overwritten.
        #expect(storeError { try store.restoreEntry(fromTrash: trashPath, to: stored.path) } != nil)
        #expect(fixture.bytes(stored.path) == bytes)
    }

    @Test("undo never replaces a file that took the entry's place", arguments: StoreKind.allCases)
    func restoreRefusesToOverwrite(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let when = moment(day: 5, hour: 9, minute: 30)
        let first = try store.createEntry(makeEntry("first", created: when, answer: "one"))
        let trashPath = try store.trashEntry("first", expecting: first.version)
        let second = try store.createEntry(makeEntry("second", created: when, answer: "two"))
        #expect(second.path == first.path)
        #expect(storeError { try store.restoreEntry(fromTrash: trashPath, to: first.path) } == .alreadyExists(first.path))
        #expect(try store.loadEntries().entries == [second])
        #expect(fixture.trashed(trashPath) != nil)
    }

    @Test("an edited text replaces the file only when it reads as the same entry", arguments: StoreKind.allCases)
    func replaceEntryText(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let stored = try store.createEntry(makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30), answer: "before"))
        let original = try #require(fixture.text(stored.path))

        // Broken front matter, or another id: refused, the file untouched.
        let broken = original.replacingOccurrences(of: "created: ", with: "created: [")
        #expect(storeError { try store.replaceEntryText(stored, with: broken) }?.kind == .notAnEntry)
        let otherID = original.replacingOccurrences(of: "id: 20260105-093000-ab12", with: "id: 20260105-093000-zzzz")
        #expect(storeError { try store.replaceEntryText(stored, with: otherID) }.map { "\($0)".contains("keeps its id") } == true)
        #expect(fixture.text(stored.path) == original)

        // A good edit is kept exactly as written (comments and all).
        let edited = original.replacingOccurrences(of: "before", with: "after, <!-- a comment -->  with spaces  ")
        let replaced = try store.replaceEntryText(stored, with: edited)
        #expect(fixture.text(stored.path) == edited)
        #expect(replaced.entry.sections.first?.text.contains("after") == true)
        #expect(try store.loadEntry(stored.entry.id).version == replaced.version)
        // The old version is stale now.
        #expect(storeError { try store.replaceEntryText(stored, with: original) } == .changedOnDisk(stored.path))
    }

    @Test("trashing with a stale version is refused", arguments: StoreKind.allCases)
    func trashStaleVersion(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let original = makeEntry("20260105-093000-ab12", created: moment(day: 5, hour: 9, minute: 30))
        let stored = try store.createEntry(original)
        var handEdited = original
        handEdited.title = "Still wanted"
        let outsideText = EntryFormat.render(handEdited)
        try fixture.writeOutside(stored.path, outsideText)

        #expect(storeError { try store.trashEntry(original.id, expecting: stored.version) } == .changedOnDisk(stored.path))
        #expect(fixture.text(stored.path) == outsideText)
        #expect(fixture.trashed("trash/" + stored.path) == nil)
        #expect(try store.loadEntry(original.id).entry == handEdited)
    }

    @Test("hand-written front-matter keys survive an update", arguments: StoreKind.allCases)
    func unknownKeysSurviveUpdate(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let path = "entries/2026/01/20260107-080000-daily-checkin.md"
        let handWritten = """
            ---
            id: 20260107-080000-hand
            created: 2026-01-07T08:00:00+01:00
            flow: daily-checkin
            title: Written by hand
            mood: stormy
            weather:
              sky: grey
              wind: [north, strong]
              gusts:
                max: 80
                unit: "km/h"
            tags: [rain]
            ---

            ## Q? {#a}

            It rained all day.

            """
        try fixture.writeOutside(path, handWritten)

        let loaded = try store.loadEntry("20260107-080000-hand")
        #expect(loaded.path == path)
        #expect(loaded.entry.title == "Written by hand")
        #expect(loaded.entry.tags == ["rain"])
        #expect(loaded.entry.sections == [EntrySection(stepID: "a", heading: "Q?", text: "It rained all day.")])
        #expect(loaded.entry.extraFields.map(\.key) == ["mood", "weather"])

        var changed = loaded.entry
        changed.title = "A stormy day"
        let updated = try store.updateEntry(changed, expecting: loaded.version)

        let text = try #require(fixture.text(path))
        #expect(text.contains("title: A stormy day") || text.contains("title: 'A stormy day'")
                || text.contains("title: \"A stormy day\""))
        #expect(text.contains("mood: stormy"))
        #expect(text.contains("weather:"))
        #expect(text.contains("sky: grey"))
        #expect(text.contains("north"))
        #expect(text.contains("strong"))
        #expect(text.contains("max: 80"))
        #expect(text.contains("km/h"))
        let reread = try EntryFormat.parse(text)
        #expect(reread.extraFields == loaded.entry.extraFields)
        #expect(reread.title == "A stormy day")
        #expect(try store.loadEntry("20260107-080000-hand") == updated)
    }

    // MARK: Parts

    @Test("starring a hand-written entry leaves its writing exactly as it was", arguments: StoreKind.allCases)
    func starringKeepsTheBody(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let path = "entries/2026/01/by-hand.md"
        let body = "plain\n## Heading {#x}\nanswer right under"
        try fixture.writeOutside(path, "---\nid: 20260101-090000-hand\ncreated: 2026-01-01T09:00:00Z\n---\n\n" + body)
        let stored = try #require(try store.loadEntries().entries.first)
        var starred = stored.entry
        starred.starred = true
        _ = try store.updateEntry(starred, replacing: stored)
        let text = try #require(fixture.text(path))
        #expect(text.hasSuffix("---\n\n" + body))
        #expect(text.contains("starred: true"))
    }

    @Test("a copy of a file goes to the trash as it is, and only if it is unchanged", arguments: StoreKind.allCases)
    func copyToTrash(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let first = try store.savePart(makePart("inner-critic", name: "Inner Critic"), expecting: nil)
        let copy = try store.copyToTrash(first.path, expecting: first.version)
        #expect(copy == "trash/parts/inner-critic.md")
        #expect(fixture.text(first.path) == PartFormat.render(first.part)) // the part itself stays
        var changed = first.part
        changed.job = "a new job"
        let second = try store.savePart(changed, expecting: first.version)
        #expect(try store.copyToTrash(first.path, expecting: second.version) == "trash/" + JournalLayout.numbered(first.path, 2))
        #expect(fixture.trashed("trash/" + JournalLayout.numbered(first.path, 2)) == Array(PartFormat.render(changed).utf8))
        #expect(storeError { try store.copyToTrash(first.path, expecting: first.version) } == .changedOnDisk(first.path))
        #expect(storeError { try store.copyToTrash("parts/nobody.md", expecting: first.version) } == .changedOnDisk("parts/nobody.md"))
    }

    @Test("a part is saved new, updated with its version, and a stale version is refused",
          arguments: StoreKind.allCases)
    func savePart(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let critic = makePart("inner-critic", name: "Inner Critic")

        let first = try store.savePart(critic, expecting: nil)
        #expect(first.path == "parts/inner-critic.md")
        #expect(first.part == critic)
        #expect(fixture.text(first.path) == PartFormat.render(critic))
        #expect(try store.loadParts().parts == [first])

        var renamed = critic
        renamed.name = "The Judge"
        renamed.formerNames = ["Inner Critic"]
        renamed.job = "keeps me from being laughed at"
        let second = try store.savePart(renamed, expecting: first.version)
        #expect(second.path == first.path)
        #expect(second.version != first.version)
        #expect(second.part == renamed)

        var stale = critic
        stale.notes = "written against the old version"
        #expect(storeError { try store.savePart(stale, expecting: first.version) } == .changedOnDisk(first.path))
        #expect(storeError { try store.savePart(critic, expecting: nil) } == .alreadyExists(first.path))
        #expect(fixture.text(first.path) == PartFormat.render(renamed))

        let other = try store.savePart(makePart("exile-7", name: "Seven"), expecting: nil)
        let listing = try store.loadParts()
        #expect(listing.problems.isEmpty)
        #expect(listing.parts == [other, second]) // sorted by id
    }

    @Test("saving a part after an outside edit is refused and keeps the edit", arguments: StoreKind.allCases)
    func savePartAfterOutsideEdit(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let critic = makePart("inner-critic", name: "Inner Critic")
        let first = try store.savePart(critic, expecting: nil)
        var handEdited = critic
        handEdited.notes = "Notes typed in another editor."
        let outsideText = PartFormat.render(handEdited)
        try fixture.writeOutside(first.path, outsideText)

        var mine = critic
        mine.job = "protects"
        #expect(storeError { try store.savePart(mine, expecting: first.version) } == .changedOnDisk(first.path))
        #expect(fixture.text(first.path) == outsideText)
        #expect(try store.loadParts().parts.map(\.part) == [handEdited])
    }

    @Test("creating a part whose file was renamed by hand is refused", arguments: StoreKind.allCases)
    func createPartWithExistingIDElsewhere(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let critic = makePart("inner-critic", name: "Inner Critic")
        let renamedPath = "parts/the-judge.md" // the person renamed the file; the id inside stays
        let outsideText = PartFormat.render(critic)
        try fixture.writeOutside(renamedPath, outsideText)
        #expect(try store.loadParts().parts.map(\.path) == [renamedPath])

        var again = critic
        again.notes = "a second record of the same part"
        var error: StoreError?
        do { _ = try store.savePart(again, expecting: nil) } catch let thrown { error = thrown }
        let partsAfter = try store.loadParts().parts
        #expect(error?.kind == .alreadyExists)
        #expect(partsAfter.count == 1)
        #expect(fixture.text(renamedPath) == outsideText)
    }

    @Test("updating a part that does not exist says so", arguments: StoreKind.allCases)
    func updateMissingPart(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let ghost = makePart("ghost", name: "Ghost")
        let error = storeError { try store.savePart(ghost, expecting: ContentHash(of: "whatever")) }
        #expect(error != nil)
        #expect(error == .partNotFound("ghost"))
        #expect(try store.loadParts().parts.isEmpty)
    }

    // MARK: Drafts

    @Test("a draft saves and loads back the same; saving again replaces it", arguments: StoreKind.allCases)
    func draftRoundTrip(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let draft = makeDraft("20260105-210000-dr01", savedAt: moment(day: 5, hour: 21, minute: 5))

        try store.saveDraft(draft)
        var listing = try store.loadDrafts()
        #expect(listing.problems.isEmpty)
        #expect(listing.drafts == [draft])
        #expect(fixture.text("drafts/20260105-210000-dr01.json") != nil)

        let later = makeDraft("20260105-210000-dr01", savedAt: moment(day: 5, hour: 21, minute: 9),
                              step: "b", answer: "changed my mind")
        try store.saveDraft(later)
        listing = try store.loadDrafts()
        #expect(listing.drafts == [later])

        let other = makeDraft("20260106-070000-dr02", savedAt: moment(day: 6, hour: 7))
        try store.saveDraft(other)
        listing = try store.loadDrafts()
        #expect(listing.drafts == [other, later]) // most recently saved first
    }

    @Test("a discarded draft goes to trash/drafts/", arguments: StoreKind.allCases)
    func discardDraft(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let draft = makeDraft("20260105-210000-dr01", savedAt: moment(day: 5, hour: 21, minute: 5))
        let other = makeDraft("20260106-070000-dr02", savedAt: moment(day: 6, hour: 7))
        try store.saveDraft(draft)
        try store.saveDraft(other)
        let bytes = try #require(fixture.bytes("drafts/20260105-210000-dr01.json"))

        try store.discardDraft(draft.entryID)
        #expect(try store.loadDrafts().drafts == [other])
        #expect(fixture.bytes("drafts/20260105-210000-dr01.json") == nil)
        #expect(fixture.trashed("trash/drafts/20260105-210000-dr01.json") == bytes)

        #expect(storeError { try store.discardDraft(draft.entryID) } == .entryNotFound(draft.entryID))
        #expect(storeError { try store.discardDraft("never-saved") } == .entryNotFound("never-saved"))
    }

    @Test("a discarded draft comes back from the trash, never over another", arguments: StoreKind.allCases)
    func restoreDraft(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let draft = makeDraft("20260105-210000-dr01", savedAt: moment(day: 5, hour: 21, minute: 5))
        try store.saveDraft(draft)
        let bytes = try #require(fixture.bytes("drafts/20260105-210000-dr01.json"))
        let trashPath = try store.discardDraft(draft.entryID)
        #expect(trashPath == "trash/drafts/20260105-210000-dr01.json")

        #expect(try store.restoreDraft(fromTrash: trashPath) == draft)
        #expect(try store.loadDrafts().drafts == [draft])
        #expect(fixture.bytes("drafts/20260105-210000-dr01.json") == bytes)
        #expect(storeError { try store.restoreDraft(fromTrash: trashPath) } != nil) // gone from the trash now

        // A draft saved again meanwhile under the same id is never replaced by the old one.
        let again = try store.discardDraft(draft.entryID)
        try store.saveDraft(draft)
        #expect(storeError { try store.restoreDraft(fromTrash: again) } == .alreadyExists("drafts/20260105-210000-dr01.json"))
        #expect(storeError { try store.restoreDraft(fromTrash: "entries/2026/01/x.md") } != nil)
    }

    @Test("a trashed part record comes back where it was, never over another", arguments: StoreKind.allCases)
    func restorePart(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let store = fixture.store
        let part = try store.savePart(makePart("critic", name: "Critic"), expecting: nil)
        let bytes = try #require(fixture.bytes(part.path))
        let trashPath = try store.trashPart(part.part.id, expecting: part.version)
        #expect(try store.loadParts().parts.isEmpty)

        let restored = try store.restorePart(fromTrash: trashPath, to: part.path)
        #expect(restored.part == part.part && restored.path == part.path)
        #expect(fixture.bytes(part.path) == bytes)
        #expect(try store.loadParts().parts.map(\.part.id) == ["critic"])

        let again = try store.trashPart(part.part.id, expecting: restored.version)
        _ = try store.savePart(makePart("critic", name: "A new critic"), expecting: nil)
        #expect(storeError { try store.restorePart(fromTrash: again, to: part.path) } == .alreadyExists(part.path))
        #expect(try store.loadParts().parts.map(\.part.name) == ["A new critic"])
    }
}
