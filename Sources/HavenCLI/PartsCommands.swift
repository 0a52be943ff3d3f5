import Foundation
import JournalCore
import JournalFiles

extension Commands {
    // MARK: parts

    /// `haven parts`: the registry, one part a line (or JSON), by name.
    public static func partsList(role: String?, all: Bool = false, json: Bool, context: HavenContext) throws(CommandFailure) -> Int32 {
        var wantedRole: PartRole?
        if let role {
            guard let parsed = PartRole(rawValue: role.lowercased()) else {
                let roles = PartRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw CommandFailure("haven: '\(role)' is not a role (roles: \(roles))", status: ExitStatus.usage)
            }
            wantedRole = parsed
        }
        let registry = try PartRegistry.load(context)
        let parts = registry.standing
        let activity = PartActivity.of(try context.summaries().entries, aliases: registry.aliases)
        let shown = parts.filter { (wantedRole == nil || $0.role == wantedRole) && (all || !$0.archived) }
            .sorted { TextFolding.fold($0.name) < TextFolding.fold($1.name) } // "Éloïse" among the e's
        if json {
            context.console.line(EntryJSON.encode(shown.map { PartJSON($0, activity: activity[$0.id] ?? PartActivity(), entries: nil) }))
            return ExitStatus.ok
        }
        if shown.isEmpty {
            if context.console.outputIsTerminal {
                context.console.line(parts.isEmpty ? "No parts yet. They are added when you name one in a flow."
                                                    : "No part has that role.")
            }
            return ExitStatus.ok
        }
        var text = ""
        for part in shown {
            let seen = activity[part.id] ?? PartActivity()
            let last = seen.lastSeen.map { "last \($0.dateString)" } ?? "not in an entry yet"
            let about = (PartPresentation(part, names: [:]).roleAndStage + (part.archived ? ["archived"] : [])).joined(separator: ", ")
            text += "\(part.name)  (\(about))  \(seen.entryCount) \(seen.entryCount == 1 ? "entry" : "entries"), \(last)\n"
        }
        context.console.write(text)
        return ExitStatus.ok
    }

    /// `haven parts show NAME`: the whole record, and the entries that involve the part.
    public static func partsShow(name: String, json: Bool, context: HavenContext) throws(CommandFailure) -> Int32 {
        let registry = try PartRegistry.load(context)
        let part = try registry.one(name).part
        let ids = registry.aliases.ids(for: part.id)
        let entries = try context.summaries().entries.filter { $0.parts.contains(where: ids.contains) }
        let activity = PartActivity.of(entries, aliases: registry.aliases)[part.id] ?? PartActivity()
        if json {
            context.console.line(EntryJSON.encode(PartJSON(part, activity: activity, entries: entries)))
            return ExitStatus.ok
        }
        context.console.write(PartText.render(part, activity: activity, entries: entries, names: Dictionary(
            registry.standing.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first }), titles: context.generatedTitles))
        return ExitStatus.ok
    }

    /// `haven parts rename OLD NEW`: a new name; the old one is kept as a former name, so old
    /// entries (which name parts by id) and searches by the old name still find it. One atomic
    /// rewrite of the part's file, checked against the version read: a kill leaves old or new.
    public static func partsRename(_ old: String, to new: String, context: HavenContext) throws(CommandFailure) -> Int32 {
        let registry = try PartRegistry.load(context)
        let stored = try registry.one(old)
        let part = stored.part
        let renamed: Part
        do {
            renamed = try PartRenaming.renamed(part, to: new, among: registry.standing)
        } catch {
            throw CommandFailure("haven: \(error)", status: ExitStatus.usage)
        }
        let newName = renamed.name
        do {
            _ = try context.store.savePart(renamed, expecting: stored.version)
        } catch {
            throw context.fail(error)
        }
        context.console.line("Renamed \(part.name) to \(newName) (id \(part.id) unchanged; the old name still finds it).")
        return ExitStatus.ok
    }

    /// `haven parts archive NAME` (or unarchive): put a part away, or bring it back. Its record and
    /// every entry that names it stay as they are.
    public static func partsArchive(_ name: String, archived: Bool, context: HavenContext) throws(CommandFailure) -> Int32 {
        let stored = try PartRegistry.load(context).one(name)
        let part = stored.part
        if part.archived != archived {
            var changed = part
            changed.archived = archived
            do {
                _ = try context.store.savePart(changed, expecting: stored.version)
            } catch {
                throw context.fail(error)
            }
        }
        context.console.line(archived ? "\(part.name) is put away: not listed unless you ask ('haven parts --all'); its record and entries are kept."
                                      : "\(part.name) is back in the list.")
        return ExitStatus.ok
    }

    /// `haven parts delete NAME`: a record made by mistake goes to the trash, when no entry and
    /// no other part's record names it.
    public static func partsDelete(_ name: String, context: HavenContext) throws(CommandFailure) -> Int32 {
        let stored = try PartRegistry.load(context).one(name)
        let entries = try context.summaries().entries
        let outcome: PartDeleting.Outcome
        do {
            outcome = try PartDeleting.delete(stored.part.id, store: context.store, entries: entries)
        } catch {
            throw context.fail(error)
        }
        switch outcome {
        case .deleted(let trashed):
            context.console.line("\(trashed.name) is deleted: its record was moved to \(trashed.trashPath) "
                                 + "(move it back to \(trashed.path) to undo).")
            return ExitStatus.ok
        case .inUse(let reason):
            throw CommandFailure("haven: \(reason); 'haven parts archive' puts it away instead", status: ExitStatus.dataError)
        }
    }

    /// The colours a terminal shows everywhere (the app also reads well without them).
    public static let partColours = PartColours.names + ["default"]

    /// `haven parts colour NAME COLOUR`: the colour the part's name is shown in.
    public static func partsColour(_ name: String, colour: String, context: HavenContext) throws(CommandFailure) -> Int32 {
        let wanted = colour.trimmingWhitespace().lowercased()
        guard partColours.contains(wanted) else {
            throw CommandFailure("haven: '\(colour)' is not a colour Haven shows (colours: \(partColours.joined(separator: ", ")))",
                                 status: ExitStatus.usage)
        }
        let stored = try PartRegistry.load(context).one(name)
        let part = stored.part
        var changed = part
        changed.colour = wanted == "default" ? nil : wanted
        do {
            _ = try context.store.savePart(changed, expecting: stored.version)
        } catch {
            throw context.fail(error)
        }
        context.console.line(wanted == "default" ? "\(part.name) is shown in the terminal's own colour now."
                                                 : "\(part.name) is shown in \(wanted) now.")
        return ExitStatus.ok
    }

    /// `haven summary`: Markdown for the person to bring to a therapist (docs/cli.md).
    public static func summary(from: String?, to: String?, context: HavenContext) throws(CommandFailure) -> Int32 {
        let indexed = try context.summaries()
        let filter = try entryFilter(BrowseOptions(from: from, to: to), indexed: indexed, context: context)
        var entries: [Entry] = []
        for summary in indexed.matching(filter) {
            do {
                entries.append(try context.store.loadEntry(summary.id, at: summary.path).entry)
            } catch {
                context.console.errorLine("haven: skipped \(summary.path): \(error)")
            }
        }
        let registry = try PartRegistry.load(context)
        // Entries keep the ids they were written with; a merged part counts as the part it is now.
        for index in entries.indices { entries[index].parts = entries[index].parts.map(registry.aliases.resolve) }
        context.console.write(JournalSummary.markdown(entries: entries, parts: registry.standing, from: filter.from, to: filter.to))
        return ExitStatus.ok
    }

    /// `haven parts merge KEEP OTHER`: the records are one part; OTHER is merged into KEEP.
    /// KEEP's file is written first, naming OTHER's id as its own (from then on entries and links
    /// naming OTHER mean KEEP), then OTHER's file goes to the trash. Killed between the two, the
    /// leftover file is read as merged already: every state is whole.
    public static func partsMerge(keep: String, other: String, context: HavenContext) throws(CommandFailure) -> Int32 {
        let registry = try PartRegistry.load(context)
        let kept = try registry.one(keep)
        let merged = try registry.one(other)
        guard kept.part.id != merged.part.id else {
            throw CommandFailure("haven: '\(keep)' and '\(other)' are the same part", status: ExitStatus.usage)
        }
        let leftover: StoreError?
        do {
            leftover = try PartMerging.merge(merged, into: kept, store: context.store, on: context.clock.now()).leftover
        } catch {
            throw context.fail(error)
        }
        // The merge stands either way (the kept record names the other's id).
        if let leftover { context.console.errorLine("haven: " + PartMerging.leftoverNote(leftover, name: merged.part.name)) }
        context.console.line("Merged \(merged.part.name) into \(kept.part.name): its entries, links and history are \(kept.part.name)'s now"
                             + (leftover == nil ? "; its old file is in the trash folder." : "."))
        return ExitStatus.ok
    }
}

/// A part as readable text, every field that has something in it.
enum PartText {
    static func render(_ part: Part, activity: PartActivity, entries: [EntrySummary], names: [PartID: String],
                       titles: GeneratedTitles) -> String {
        var lines: [String] = []
        let presented = PartPresentation(part, names: names)
        let about = presented.roleAndStage + (part.archived ? ["archived"] : [])
        lines.append("\(part.name)  (\(about.joined(separator: ", ")))  id: \(part.id)")
        for (fact, text) in presented.filled([.formerNames, .colour] + PartFact.described) { lines.append("\(fact.label): \(text)") }
        if !part.earlierValues.isEmpty {
            lines.append("")
            lines.append("Earlier values, newest first:")
            for earlier in part.earlierValues.sorted(by: { $0.until.secondsSinceEpoch > $1.until.secondsSinceEpoch }) {
                lines.append("  until \(earlier.until.dateString)  \(earlier.field.label): \(earlier.value)")
            }
        }
        if !part.feelToward.isEmpty {
            lines.append("")
            lines.append("How you felt toward it:")
            for record in part.feelToward {
                let words = record.answer.isEmpty ? "(no words)" : record.answer
                lines.append("  \(record.date.dateString)  \(words)  (\(PartPresentation.reading(record.chosen)))")
            }
        }
        if !part.trust.isEmpty {
            lines.append("")
            lines.append("Its trust in you (Self), 0 to 10:")
            for record in part.trust { lines.append("  \(record.date.dateString)  \(record.rating)") }
        }
        if !part.permissions.isEmpty {
            lines.append("")
            lines.append("Permissions:")
            for permission in part.permissions {
                lines.append("  \(permission.date.dateString)  \(presented.permission(permission))")
            }
        }
        if !part.promises.isEmpty {
            lines.append("")
            lines.append("Promises:")
            for promise in part.promises {
                lines.append("  \(promise.made.dateString)  \(promise.text)  (\(PartPresentation.promiseState(promise)))")
            }
        }
        if !part.notes.trimmingWhitespace().isEmpty {
            lines.append("")
            lines.append("Notes:")
            lines.append(part.notes.trimmingWhitespace())
        }
        lines.append("")
        lines.append(entries.isEmpty ? "Not in an entry yet." : "Entries (\(activity.entryCount)), newest first:")
        for entry in entries { lines.append("  " + Commands.line(for: entry, titles: titles)) }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// A part for `--json`: the record's fields in snake_case, with its activity (and entries).
struct PartJSON: Encodable {
    /// `chosen` is the person's own reading; `proposed` only Haven's guess from the words.
    struct Feel: Encodable { var date: String; var answer: String; var chosen: String?; var proposed: String? }
    struct Permission: Encodable {
        var date: String; var request: String; var answer: String; var about: String?; var selfLed: Bool?
        enum CodingKeys: String, CodingKey { case date, request, answer, about, selfLed = "self_led" }
    }
    struct Promise: Encodable { var made: String; var text: String; var kept: String? }
    struct Trust: Encodable { var date: String; var rating: Int }
    struct Earlier: Encodable { var field: String; var value: String; var until: String }
    struct EntryRef: Encodable { var id: String; var created: String; var title: String }

    var id: String
    var name: String
    var formerNames: [String]
    var role: String
    var stage: String?
    var colour: String?
    var apparentAge: String
    var bodyLocation: String
    var feelings: [String]
    var beliefs: [String]
    var job: String
    var positiveIntent: String
    var newRole: String
    var fears: [String]
    var protects: [String]
    var polarizedWith: [String]
    var allies: [String]
    var feelToward: [Feel]
    var trustInSelf: [Trust]
    var permissions: [Permission]
    var promises: [Promise]
    var earlierValues: [Earlier]
    var archived: Bool
    var entryCount: Int
    var lastSeen: String?
    var entries: [EntryRef]?

    enum CodingKeys: String, CodingKey {
        case id, name, formerNames = "former_names", role, stage, colour, apparentAge = "apparent_age", bodyLocation = "body_location"
        case feelings, beliefs, job, positiveIntent = "positive_intent", newRole = "new_role", fears, protects, polarizedWith = "polarized_with", allies
        case feelToward = "feel_toward", trustInSelf = "trust_in_self", permissions, promises, earlierValues = "earlier_values", archived, entryCount = "entry_count", lastSeen = "last_seen", entries
    }

    init(_ part: Part, activity: PartActivity, entries: [EntrySummary]?) {
        id = part.id.rawValue
        name = part.name
        formerNames = part.formerNames
        role = part.role.rawValue
        stage = part.stage?.rawValue
        colour = part.colour
        apparentAge = part.apparentAge
        bodyLocation = part.bodyLocation
        feelings = part.feelings
        beliefs = part.beliefs
        job = part.job
        positiveIntent = part.positiveIntent
        newRole = part.newRole
        fears = part.fears
        protects = part.protects.map(\.rawValue)
        polarizedWith = part.polarizedWith.map(\.rawValue)
        allies = part.allies.map(\.rawValue)
        feelToward = part.feelToward.map { Feel(date: $0.date.iso8601, answer: $0.answer, chosen: $0.chosen?.rawValue, proposed: $0.proposed?.rawValue) }
        trustInSelf = part.trust.map { Trust(date: $0.date.iso8601, rating: $0.rating) }
        permissions = part.permissions.map {
            Permission(date: $0.date.iso8601, request: $0.request, answer: $0.answer.rawValue, about: $0.about?.rawValue, selfLed: $0.selfLed)
        }
        promises = part.promises.map { Promise(made: $0.made.iso8601, text: $0.text, kept: $0.kept?.iso8601) }
        earlierValues = part.earlierValues.map { Earlier(field: $0.field.rawValue, value: $0.value, until: $0.until.iso8601) }
        archived = part.archived
        entryCount = activity.entryCount
        lastSeen = activity.lastSeen?.iso8601
        self.entries = entries?.map { EntryRef(id: $0.id.rawValue, created: $0.created.iso8601, title: $0.title) }
    }
}

/// The part registry as the part commands read it: loaded once (unreadable files reported once),
/// with merged-away parts read through the part they are now.
struct PartRegistry {
    let listing: PartListing
    let aliases: PartAliases
    /// The parts standing on their own.
    let standing: [Part]

    static func load(_ context: HavenContext) throws(CommandFailure) -> PartRegistry {
        let listing: PartListing
        do {
            listing = try context.store.loadParts()
        } catch {
            throw context.fail(error)
        }
        context.report(listing.problems)
        let parts = listing.parts.map(\.part)
        let aliases = PartAliases(parts)
        return PartRegistry(listing: listing, aliases: aliases, standing: aliases.resolvingLinks(aliases.standing(parts)))
    }

    /// The one standing part a person means by `name` (a name, a former name or the id), with its
    /// file's version; a usage error when none or several match.
    func one(_ name: String) throws(CommandFailure) -> StoredPart {
        let found = PartMatcher.exact(name, in: standing)
        guard let part = found.first else {
            throw CommandFailure("haven: no part called '\(name)' (see 'haven parts')", status: ExitStatus.usage)
        }
        guard found.count == 1, let stored = listing.parts.first(where: { $0.part.id == part.id }) else {
            let names = found.map { "\($0.name) (\($0.id))" }.joined(separator: ", ")
            throw CommandFailure("haven: '\(name)' could be \(names); give the id", status: ExitStatus.usage)
        }
        return stored
    }
}
