import Foundation

/// Test helper: lists Swift files below a folder (tests may use Foundation freely).
enum FileManagerLite {
    static func swiftFiles(under folder: String) -> [String]? {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return nil }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { folder + "/" + $0 }
    }
}
