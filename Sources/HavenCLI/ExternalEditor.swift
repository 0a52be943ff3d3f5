import Foundation
import JournalApp

/// Opens text in the person's editor ($VISUAL, else $EDITOR, else vi) and returns the edited
/// text. The text goes through a private temporary file (mode 0600, in $XDG_RUNTIME_DIR when
/// there is one) that is removed afterwards whatever happens.
public struct ExternalEditor {
    public let environment: [String: String]

    public init(environment: [String: String]) {
        self.environment = environment
    }

    public var command: String {
        for key in ["VISUAL", "EDITOR"] {
            if let value = environment[key], !value.trimmingCharacters(in: .whitespaces).isEmpty { return value }
        }
        return "vi"
    }

    public func edit(_ text: String) -> Result<String, EditorFailure> {
        let folder = environment["XDG_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? NSTemporaryDirectory()
        var template = Array("\(folder)/haven-answer-XXXXXX.md".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 3) } // mode 0600
        guard fd >= 0 else { return .failure(EditorFailure("Could not make a private file for the editor.")) }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        handle.write(Data(text.utf8))
        try? handle.close()

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The command may carry its own arguments ("code --wait"), so the shell splits it.
        process.arguments = ["-c", "\(command) \"$1\"", "sh", path]
        process.environment = environment
        do {
            try process.run()
        } catch {
            return .failure(EditorFailure("Could not start the editor '\(command)': \(error.localizedDescription)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            return .failure(EditorFailure("The editor '\(command)' stopped with status \(process.terminationStatus); your answer is unchanged."))
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            return .failure(EditorFailure("The edited text could not be read back; your answer is unchanged."))
        }
        // Editors add a final newline; it is not part of the answer.
        return .success(edited.hasSuffix("\n") ? String(edited.dropLast()) : edited)
    }
}
