/// Prompt text with `{variables}`: `{part}`, `{part.body_location}`, `{arriving}` (an earlier
/// answer by step id). `{{` and `}}` write literal braces.
public struct PromptTemplate: Hashable, Sendable {
    public enum Piece: Hashable, Sendable {
        case literal(String)
        /// A variable path and the 1-based column of its `{` in the text.
        case variable([String], column: Int)
    }

    public let pieces: [Piece]

    public init(_ text: String) throws(ConditionSyntaxError) {
        var pieces: [Piece] = []
        var literal = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "{", i + 1 < chars.count, chars[i + 1] == "{" {
                literal.append("{"); i += 2; continue
            }
            if c == "}", i + 1 < chars.count, chars[i + 1] == "}" {
                literal.append("}"); i += 2; continue
            }
            if c == "{" {
                guard let close = chars[(i + 1)...].firstIndex(of: "}") else {
                    throw ConditionSyntaxError(column: i + 1, message: "'{' has no matching '}' (write '{{' for a brace)")
                }
                let name = String(chars[(i + 1)..<close]).trimmingWhitespace()
                guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "_-.".contains($0) }) else {
                    throw ConditionSyntaxError(column: i + 1, message: "'{\(name)}' is not a variable name")
                }
                if !literal.isEmpty { pieces.append(.literal(literal)); literal = "" }
                pieces.append(.variable(name.split(separator: ".").map(String.init), column: i + 1))
                i = close + 1
                continue
            }
            if c == "}" {
                throw ConditionSyntaxError(column: i + 1, message: "'}' has no matching '{' (write '}}' for a brace)")
            }
            literal.append(c)
            i += 1
        }
        if !literal.isEmpty { pieces.append(.literal(literal)) }
        self.pieces = pieces
    }

    public var variables: [(path: [String], column: Int)] {
        pieces.compactMap { piece in
            if case .variable(let path, let column) = piece { return (path, column) }
            return nil
        }
    }

    public func render(_ resolve: ([String]) -> String) -> String {
        pieces.map { piece in
            switch piece {
            case .literal(let text): return text
            case .variable(let path, _): return resolve(path)
            }
        }.joined()
    }

    /// Renders text that may not parse (a user's file that was never checked): on a syntax error
    /// the text is shown as written rather than failing the session.
    public static func render(_ text: String, _ resolve: ([String]) -> String) -> String {
        guard text.contains("{") || text.contains("}") else { return text }
        guard let template = try? PromptTemplate(text) else { return text }
        return template.render(resolve)
    }
}
