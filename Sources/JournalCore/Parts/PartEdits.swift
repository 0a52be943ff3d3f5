/// The fields of a part's record a person edits by hand (the dated history, links and
/// permissions are written by the flows and are not edited here).
public enum PartFormField: String, CaseIterable, Hashable, Sendable {
    case name, role, stage, colour, apparentAge, bodyLocation, job, positiveIntent, feelings, beliefs, fears, notes

    public var label: String {
        switch self {
        case .name: return "Name"
        case .role: return "Role"
        case .stage: return "Where it is in the work"
        case .colour: return PartFact.colour.label
        case .apparentAge: return PartFact.apparentAge.label
        case .bodyLocation: return PartFact.bodyLocation.label
        case .job: return PartFact.job.label
        case .positiveIntent: return PartFact.positiveIntent.label
        case .feelings: return PartFact.feelings.label
        case .beliefs: return PartFact.beliefs.label
        case .fears: return PartFact.fears.label
        case .notes: return "Notes"
        }
    }

    /// Fields whose value is picked from a short list rather than typed.
    public var choices: [String]? {
        switch self {
        case .role: return PartRole.allCases.map(\.rawValue)
        case .stage: return [""] + PartStage.allCases.map(\.rawValue)
        case .colour: return [""] + PartColours.names
        default: return nil
        }
    }

    /// Lists are typed on one line, separated by semicolons.
    public var isList: Bool { self == .feelings || self == .beliefs || self == .fears }
}

/// The colours a terminal shows everywhere; a part without one is drawn in the terminal's own.
public enum PartColours {
    public static let names = ["red", "green", "yellow", "blue", "magenta", "cyan", "white"]
}

/// Why a new name cannot be used.
public enum PartNameProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    /// Another standing part already answers to the name.
    case taken(by: [Part])

    public var description: String {
        switch self {
        case .empty: return "a part needs a name: one line of text"
        case .taken(let parts):
            return "another part is already called that (\(parts.map(\.name).joined(separator: ", "))); to make them one, merge them"
        }
    }
}

/// A part's fields as the text a form shows, and the text put back into the record.
public enum PartFieldText {
    /// The text on one line: line breaks become spaces, the ends trimmed.
    public static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 }).trimmingWhitespace()
    }

    public static func value(of field: PartFormField, in part: Part) -> String {
        switch field {
        case .name: return part.name
        case .role: return part.role.rawValue
        case .stage: return part.stage?.rawValue ?? ""
        case .colour: return part.colour ?? ""
        case .apparentAge: return part.apparentAge
        case .bodyLocation: return part.bodyLocation
        case .job: return part.job
        case .positiveIntent: return part.positiveIntent
        case .feelings: return part.feelings.joined(separator: "; ")
        case .beliefs: return part.beliefs.joined(separator: "; ")
        case .fears: return part.fears.joined(separator: "; ")
        case .notes: return part.notes
        }
    }

    /// Sets one field from its text; a name goes through `PartRenaming` (the old name is kept),
    /// and a single-value field keeps the value it held in the record's history, dated `date`.
    public static func set(_ field: PartFormField, to text: String, on part: inout Part,
                           among standing: [Part], at date: LocalDateTime) throws(PartNameProblem) {
        let line = PartFieldText.oneLine(text)
        func list() -> [String] {
            line.components(separatedBy: ";").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
        }
        switch field {
        case .name: part = try PartRenaming.renamed(part, to: text, among: standing)
        case .role: part.replace(.role, with: PartRole(rawValue: line).map { $0 == .unknown ? "" : $0.rawValue } ?? "", on: date)
        case .stage: part.stage = PartStage(rawValue: line)
        case .colour: part.colour = PartColours.names.contains(line) ? line : nil
        case .apparentAge: part.replace(.apparentAge, with: line, on: date)
        case .bodyLocation: part.replace(.bodyLocation, with: line, on: date)
        case .job: part.replace(.job, with: line, on: date)
        case .positiveIntent: part.replace(.positiveIntent, with: line, on: date)
        case .feelings: part.feelings = list()
        case .beliefs: part.beliefs = list()
        case .fears: part.fears = list()
        case .notes: part.notes = text
        }
    }
}

/// The changes made in a part form: only the fields the person touched, so a field left alone
/// is never rewritten, and a save can go onto the record as it is on disk now.
public struct PartFormChanges: Hashable, Sendable {
    /// The record the form started from.
    public let base: Part
    public private(set) var values: [PartFormField: String] = [:]

    public init(base: Part) { self.base = base }

    public var isEmpty: Bool { values.isEmpty }

    /// Records a field's text; setting it back to what the record had is no change.
    public mutating func set(_ field: PartFormField, _ text: String) {
        values[field] = text == PartFieldText.value(of: field, in: base) ? nil : text
    }

    public func text(of field: PartFormField) -> String { values[field] ?? PartFieldText.value(of: field, in: base) }

    /// Fields changed here that were also changed on disk since the form opened.
    public func conflicts(with current: Part) -> [PartFormField] {
        PartFormField.allCases.filter { values[$0] != nil && PartFieldText.value(of: $0, in: current) != PartFieldText.value(of: $0, in: base) }
    }

    /// These changes made on `current` as far as they can be, for when there is no one to ask
    /// (the terminal closed): a field changed on disk meanwhile, or a name that cannot be used,
    /// is not set but kept as text in a dated block at the end of the notes, so nothing typed is lost.
    public func rescued(onto current: Part, among standing: [Part], at moment: LocalDateTime) -> Part {
        var part = current
        let clashes = Set(conflicts(with: current))
        var unsaved: [String] = []
        for field in PartFormField.allCases {
            guard let text = values[field] else { continue }
            if clashes.contains(field) {
                unsaved.append("- \(field.label): \(text)")
                continue
            }
            do {
                try PartFieldText.set(field, to: text, on: &part, among: standing, at: moment)
            } catch {
                if !PartFieldText.oneLine(text).isEmpty { unsaved.append("- \(field.label): \(text)") }
            }
        }
        guard !unsaved.isEmpty else { return part }
        let block = "Typed in the part form on \(moment.dateString) \(moment.timeString) but not saved into its fields "
            + "(changed elsewhere meanwhile, or not usable as it was):\n\n" + unsaved.joined(separator: "\n")
        part.notes = part.notes.trimmingWhitespace().isEmpty ? block : part.notes + "\n\n" + block
        return part
    }

    /// The record on disk (`current`) with these changes made on `date`.
    public func applied(to current: Part, among standing: [Part], at date: LocalDateTime) throws(PartNameProblem) -> Part {
        var part = current
        for field in PartFormField.allCases {
            guard let text = values[field] else { continue }
            try PartFieldText.set(field, to: text, on: &part, among: standing, at: date)
        }
        return part
    }
}

/// A new name for a part: the old one is kept as a former name, so searches by it still find
/// the part (entries name parts by id, which never changes).
public enum PartRenaming {
    public static func renamed(_ part: Part, to newName: String, among standing: [Part]) throws(PartNameProblem) -> Part {
        let name = PartFieldText.oneLine(newName)
        guard !name.isEmpty else { throw .empty }
        let clash = PartMatcher.exact(name, in: standing).filter { $0.id != part.id }
        guard clash.isEmpty else { throw .taken(by: clash) }
        var renamed = part
        let old = TextFolding.fold(part.name)
        if old != TextFolding.fold(name), !renamed.formerNames.contains(where: { TextFolding.fold($0) == old }) {
            renamed.formerNames.append(part.name)
        }
        renamed.formerNames.removeAll { TextFolding.fold($0) == TextFolding.fold(name) } // its own name again is not former
        renamed.name = name
        return renamed
    }
}

/// Merging two stored parts: KEEP's file is written first, naming OTHER's id as its own (from
/// then on entries and links naming OTHER mean KEEP), then OTHER's file goes to the trash.
/// Killed between the two, the leftover file is read as merged already: every state is whole.
public enum PartMerging {
    /// Why OTHER's old file is still in `parts/`, for the person: the merge stands, and the file
    /// is read as merged (not listed), so nothing needs doing.
    public static func leftoverNote(_ error: StoreError, name: String) -> String {
        let why: String
        switch error {
        case .changedOnDisk: why = "it was changed outside Haven meanwhile"
        default: why = "\(error)"
        }
        return "The old file of \(name) was not moved to the trash (\(why)); it stays in the parts folder and is read as merged."
    }

    /// Returns the merged record, and the error that left OTHER's old file in place, if any
    /// (the merge stands either way).
    public static func merge(_ other: StoredPart, into keep: StoredPart, store: JournalStore,
                             on day: LocalDateTime) throws(StoreError) -> (merged: Part, leftover: StoreError?) {
        let combined = PartMerge.merge(other.part, into: keep.part, on: day)
        _ = try store.savePart(combined, expecting: keep.version)
        do {
            try store.trashPart(other.part.id, expecting: other.version)
            return (combined, nil)
        } catch {
            return (combined, error)
        }
    }
}

/// Names that are more likely a slip than a part's name ("4" typed for a choice, a stray
/// letter): asked about once before a new part is made of them.
public enum PartNameCheck {
    /// Whether `name`, for a new part, is only digits (and punctuation) or a single character.
    public static func isDoubtful(_ name: String) -> Bool {
        let trimmed = name.trimmingWhitespace()
        guard !trimmed.isEmpty else { return false }
        if trimmed.count == 1 { return true }
        return trimmed.allSatisfy { $0.isNumber || $0.isPunctuation || $0.isSymbol || $0 == " " }
    }

    /// The question asked once, with how to answer it (`confirm` names the way to say yes).
    public static func question(_ name: String, confirm: String) -> String {
        "Is '\(name.trimmingWhitespace())' the name of a part? \(confirm) to use it, or type another."
    }
}
