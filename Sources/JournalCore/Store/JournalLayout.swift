import Foundation

/// Where things go inside a journal folder (docs/entry-format.md):
/// `entries/YYYY/MM/<yyyymmdd-hhmmss>-<flow>.md`, `parts/<id>.md`, `drafts/<entry id>.json`,
/// and `trash/` mirroring those paths.
public enum JournalLayout {
    public static func entryPath(for entry: Entry, number: Int = 1) -> String {
        let created = entry.created
        let year = String(created.year)
        let month = created.month < 10 ? "0\(created.month)" : String(created.month)
        // Capped so a long flow id cannot make a file name the system refuses.
        let label = String((entry.flow ?? "entry").slug.prefix(40))
        let name = "\(created.compactStamp)-\(label.isEmpty ? "entry" : label)"
        return "entries/\(year)/\(month)/\(number == 1 ? name : "\(name)-\(number)").md"
    }

    /// The first entry path not taken: `...-daily-checkin.md`, then `...-daily-checkin-2.md`.
    public static func freePath(for entry: Entry, isTaken: (String) -> Bool) -> String {
        var number = 1
        while isTaken(entryPath(for: entry, number: number)) { number += 1 }
        return entryPath(for: entry, number: number)
    }

    public static func partPath(_ id: PartID) -> String { "parts/\(id.rawValue).md" }

    public static func draftPath(_ id: EntryID) -> String { "drafts/\(id.rawValue).json" }

    /// `a/b/name.md` -> `name`
    public static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// `a/b/name.md`, 2 -> `a/b/name-2.md`
    public static func numbered(_ path: String, _ number: Int) -> String {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return "\(path)-\(number)" }
        return "\(path[..<dot])-\(number)\(path[dot...])"
    }

    public static func newestFirst(_ entries: [StoredEntry]) -> [StoredEntry] {
        entries.sorted { a, b in
            let (x, y) = (a.entry.created.secondsSinceEpoch, b.entry.created.secondsSinceEpoch)
            return x != y ? x > y : a.path > b.path
        }
    }
}

/// Drafts are JSON: they are Haven's working state, not writing meant for reading.
public enum DraftFormat {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func render(_ draft: Draft) throws(StoreError) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            return String(decoding: try encoder.encode(draft), as: UTF8.self) + "\n"
        } catch {
            throw .io(path: "draft", message: "could not encode the draft: \(error)")
        }
    }

    public static func parse(_ text: String) throws(Failure) -> Draft {
        do {
            return try JSONDecoder().decode(Draft.self, from: Data(text.utf8))
        } catch {
            throw Failure(description: "not a draft Haven can read (\(error))")
        }
    }
}
