import Foundation
import Testing
import JournalCore
import JournalFiles

/// The app's decisions about writing that live in the core (editing an entry's file, saving a
/// part form, keeping a later note), run against both stores.
@Suite("Use cases the app runs, on both stores")
struct AppUseCaseTests {
    static let now = moment(day: 6, hour: 9)

    @Test(arguments: StoreKind.allCases)
    func anEditIsSavedAndAnUnchangedOneWritesNothing(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let stored = try fixture.store.createEntry(makeEntry("20261105-210000-daily-checkin", created: moment(day: 5, hour: 21)))
        let editing = EntryEditing(store: fixture.store)
        guard case .opened(let opened) = editing.open(stored, retry: nil) else { Issue.record("not opened"); return }
        #expect(editing.save(opened.text, opened) == .unchanged)
        let edited = opened.text.replacingOccurrences(of: "answer", with: "an answer, edited")
        guard case .saved(let saved, let note) = editing.save(edited, opened) else { Issue.record("not saved"); return }
        #expect(note == nil)
        #expect(try fixture.store.fileText(of: saved).contains("an answer, edited"))
    }

    @Test(arguments: StoreKind.allCases)
    func anEditOverAnOutsideChangeIsKeptThenSavedWithACopyOfTheOtherVersion(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let stored = try fixture.store.createEntry(makeEntry("20261105-210000-daily-checkin", created: moment(day: 5, hour: 21)))
        let editing = EntryEditing(store: fixture.store)
        guard case .opened(let opened) = editing.open(stored, retry: nil) else { Issue.record("not opened"); return }
        let outside = opened.text.replacingOccurrences(of: "answer", with: "changed in another editor")
        try fixture.writeOutside(stored.path, outside)
        let mine = opened.text.replacingOccurrences(of: "answer", with: "changed in Haven")
        guard case .rejected(let kept) = editing.save(mine, opened) else { Issue.record("written over the outside change"); return }
        #expect(kept.fileChanged && kept.text.contains("changed in Haven"))
        #expect(try fixture.store.fileText(of: stored).contains("changed in another editor")) // nothing written
        // Tried again, knowingly: saved over it, the other version copied to the trash first.
        guard case .opened(let again) = editing.open(stored, retry: kept),
              case .saved(let saved, let note?) = editing.save(again.text, again) else { Issue.record("second try not saved"); return }
        #expect(note.contains("the file as it was is kept in"))
        #expect(try fixture.store.fileText(of: saved).contains("changed in Haven"))
    }

    @Test(arguments: StoreKind.allCases)
    func textThatIsNotAnEntryIsKeptToTryAgain(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let stored = try fixture.store.createEntry(makeEntry("20261105-210000-daily-checkin", created: moment(day: 5, hour: 21)))
        let editing = EntryEditing(store: fixture.store)
        guard case .opened(let opened) = editing.open(stored, retry: nil) else { Issue.record("not opened"); return }
        guard case .rejected(let kept) = editing.save("---\nid: [broken\n---\n", opened) else { Issue.record("saved"); return }
        #expect(!kept.fileChanged)
        #expect(kept.text.hasPrefix("---\nid: [broken"))
        #expect(try fixture.store.fileText(of: stored) == opened.text)
    }

    @Test(arguments: StoreKind.allCases)
    func aPartFormSavesOnlyItsFieldsAndStopsOnAClash(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let part = makePart("worrier", name: "The worrier", job: "keeps watch")
        let first = try fixture.store.savePart(part, expecting: nil)
        let saving = PartFormSaving(store: fixture.store, clock: .fixed(Self.now))
        var changes = PartFormChanges(base: part)
        changes.set(.job, "keeps me safe")
        // Another field changed outside meanwhile: kept; the form's field is saved on top.
        var outside = part
        outside.notes = "Written in another editor."
        _ = try fixture.store.savePart(outside, expecting: first.version)
        guard case .saved(_, let after, nil) = saving.save(changes) else { Issue.record("not saved"); return }
        #expect(after.job == "keeps me safe" && after.notes == "Written in another editor.")
        // The same field changed outside: stopped, with the record as it is now.
        var clash = after
        clash.job = "watches the door"
        let current = try fixture.store.loadParts().parts.first { $0.part.id == part.id }
        _ = try fixture.store.savePart(clash, expecting: current?.version)
        var again = PartFormChanges(base: after)
        again.set(.job, "rests sometimes")
        guard case .rejected(let reason, let fresh?, true) = saving.save(again) else { Issue.record("saved over a clash"); return }
        #expect(reason.contains("Changed outside Haven meanwhile"))
        #expect(fresh.job == "watches the door")
    }

    @Test(arguments: StoreKind.allCases)
    func aLaterNoteGoesIntoItsEntryOrBecomesAnEntryOfItsOwn(kind: StoreKind) throws {
        let fixture = try StoreFixture(kind)
        defer { fixture.remove() }
        let stored = try fixture.store.createEntry(makeEntry("20261105-210000-daily-checkin", created: moment(day: 5, hour: 21)))
        let notes = LaterNotes(store: fixture.store, clock: .fixed(Self.now), ids: .counting())
        let noted = try notes.append("It softened later.", to: stored.entry.id, at: stored.path)
        #expect(noted.entry.sections.last?.text == "It softened later.")
        #expect(noted.entry.sections.last?.heading.hasPrefix("A later note, ") == true)
        #expect(notes.holds("It softened later.", entry: stored.entry.id))
        // The entry gone meanwhile: the text is an entry of its own, not lost.
        _ = try fixture.store.trashEntry(stored.entry.id, expecting: noted.version)
        #expect(notes.keep("Kept anyway.", to: stored.entry.id, headline: "A quiet evening"))
        let entries = try fixture.store.loadEntries().entries
        #expect(entries.contains { $0.entry.title == "Kept from “A quiet evening”" && $0.entry.sections.contains { $0.text == "Kept anyway." } })
    }
}
