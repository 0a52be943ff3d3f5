/// One jrnl text to import: a journal file, or a day file of a folder journal (`2020/01/02.txt`).
public struct JrnlSource: Sendable {
    /// How the file is named to the person in the summary.
    public var name: String
    public var document: JrnlDocument

    public init(name: String, document: JrnlDocument) {
        self.name = name
        self.document = document
    }
}

/// Turns jrnl entries into Haven entries (docs/cli.md, `haven import jrnl`): title, body (as the
/// entry's free writing), tags and star kept; `flow` empty; `imported_from: jrnl` in the front
/// matter; an id derived from the date and text (`ImportedEntryID`), so a second import of the
/// same journal finds its entries already there.
public struct JrnlImporter: Sendable {
    public static let format = "jrnl"
    /// The front-matter key that marks imported entries.
    public static let importedFromKey = "imported_from"
    /// The title of the entry made from writing found before a file's first entry.
    public static let leadingTextTitle = "Text before the first entry"

    /// The UTC offset, in minutes, that the journal's clock had at a wall-clock time (the offset
    /// of the value passed in is meaningless). jrnl records none, so the caller decides: the
    /// command uses the local time zone's rules for that date, tests a fixed offset.
    public var utcOffsetMinutes: @Sendable (LocalDateTime) -> Int

    public init(utcOffsetMinutes: @escaping @Sendable (LocalDateTime) -> Int) {
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    public func plan(_ sources: [JrnlSource]) -> ImportPlan {
        var plan = ImportPlan(format: Self.format)
        var firstOrigin: [EntryID: ImportOrigin] = [:]
        for source in sources {
            let document = source.document
            plan.keptAsText += document.headerLookalikes.map {
                ImportNote(origin: ImportOrigin(file: source.name, line: $0.line), text: $0.text)
            }
            if let leading = document.textBeforeFirstEntry {
                let origin = ImportOrigin(file: source.name, line: leading.lines.lowerBound)
                if let first = document.entries.first {
                    // Dated with the first entry, so it sits beside what follows it.
                    let created = moment(first.wallClock)
                    let entry = Entry(id: ImportedEntryID.make(at: created, format: Self.format,
                                                               content: "\(Self.leadingTextTitle)\n\(leading.text)"),
                                      created: created, title: Self.leadingTextTitle,
                                      tags: InlineTags.find(in: [leading.text]), extraFields: [marker],
                                      preamble: leading.text)
                    plan.entries.append(PlannedEntry(entry: entry, origin: origin, leadingTextLines: leading.lines))
                    firstOrigin[entry.id] = origin
                } else {
                    plan.skipped.append(ImportSkip(origin: origin, reason: .undatedText))
                }
            }
            for jrnlEntry in document.entries {
                let origin = ImportOrigin(file: source.name, line: jrnlEntry.line)
                let entry = convert(jrnlEntry)
                plan.found.count(entry)
                if let earlier = firstOrigin[entry.id] {
                    plan.skipped.append(ImportSkip(origin: origin, reason: .repeated(of: earlier)))
                    continue
                }
                firstOrigin[entry.id] = origin
                plan.entries.append(PlannedEntry(entry: entry, origin: origin))
            }
        }
        return plan
    }

    /// One jrnl entry as a Haven entry.
    public func convert(_ jrnlEntry: JrnlEntry) -> Entry {
        let created = moment(jrnlEntry.wallClock)
        return Entry(id: ImportedEntryID.make(at: created, format: Self.format, content: "\(jrnlEntry.title)\n\(jrnlEntry.body)"),
                     created: created, flow: nil, title: jrnlEntry.title, tags: jrnlEntry.tags, starred: jrnlEntry.starred,
                     extraFields: [marker], preamble: jrnlEntry.body)
    }

    private var marker: FrontMatterField {
        FrontMatterField(key: Self.importedFromKey, value: .scalar(Self.format, quoted: false))
    }

    private func moment(_ wallClock: LocalDateTime) -> LocalDateTime {
        var moment = wallClock
        moment.utcOffsetMinutes = utcOffsetMinutes(wallClock)
        return moment
    }
}
