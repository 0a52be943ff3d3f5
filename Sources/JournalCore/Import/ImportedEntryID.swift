/// Ids for imported entries: the usual shape, `<yyyymmdd-hhmmss>-<4 letters or digits>`, but with
/// the four characters taken from a SHA-256 of the entry's source format and text instead of
/// drawn at random. Importing the same journal again gives the same ids, which is how a second
/// import knows what it already brought in.
public enum ImportedEntryID {
    public static func make(at moment: LocalDateTime, format: String, content: String) -> EntryID {
        let digest = SHA256.digest(Array("\(format)\n\(moment.compactStamp)\n\(content)".utf8))
        // 20 bits of the hash, 5 per character, in the alphabet random ids use.
        let bits = UInt32(digest[0]) << 12 | UInt32(digest[1]) << 4 | UInt32(digest[2]) >> 4
        let alphabet = EntryIDGenerator.suffixAlphabet
        let suffix = (0..<4).map { alphabet[Int(bits >> (15 - 5 * UInt32($0)) & 0x1F)] }
        return EntryID("\(moment.compactStamp)-\(String(suffix))")
    }
}
