/// A value a condition or a `{variable}` can refer to.
public enum FlowValue: Hashable, Sendable {
    case number(Int)
    case text(String)
    case list([String])
    /// Not answered, skipped, or unknown.
    case none

    /// How it reads inside a prompt.
    public var displayText: String {
        switch self {
        case .number(let n): return String(n)
        case .text(let text): return text
        case .list(let items): return items.joined(separator: ", ")
        case .none: return ""
        }
    }
}

public enum ComparisonOperator: String, Hashable, Sendable, CaseIterable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case contains
}

public enum Operand: Hashable, Sendable {
    case number(Int)
    case text(String)
    /// `distress`, `part.role`, `feel.sorted`: a dotted path resolved at run time.
    case variable([String])
    /// The word `skipped`: matches a step that was skipped or never reached.
    case skipped
}

/// A branch condition such as `distress >= 8`, `feel == concerned-part and round < 3`,
/// `part.role == exile`, `not grounding == skipped`.
public indirect enum Condition: Hashable, Sendable {
    case comparison(Operand, ComparisonOperator, Operand)
    /// A bare variable: true when it has a value that is not empty, zero, "no" or skipped.
    case truthy(Operand)
    case not(Condition)
    case and(Condition, Condition)
    case or(Condition, Condition)

    /// Every variable path the condition reads, for checking.
    public var variables: [[String]] {
        func of(_ operand: Operand) -> [[String]] {
            if case .variable(let path) = operand { return [path] }
            return []
        }
        switch self {
        case .comparison(let lhs, _, let rhs): return of(lhs) + of(rhs)
        case .truthy(let operand): return of(operand)
        case .not(let inner): return inner.variables
        case .and(let lhs, let rhs), .or(let lhs, let rhs): return lhs.variables + rhs.variables
        }
    }

    public func evaluate(_ resolve: ([String]) -> FlowValue) -> Bool {
        func value(_ operand: Operand) -> FlowValue {
            switch operand {
            case .number(let n): return .number(n)
            case .text(let text): return .text(text)
            case .variable(let path): return resolve(path)
            case .skipped: return .none
            }
        }
        switch self {
        case .not(let inner): return !inner.evaluate(resolve)
        case .and(let lhs, let rhs): return lhs.evaluate(resolve) && rhs.evaluate(resolve)
        case .or(let lhs, let rhs): return lhs.evaluate(resolve) || rhs.evaluate(resolve)
        case .truthy(let operand):
            switch value(operand) {
            case .none: return false
            case .number(let n): return n != 0
            case .text(let text): return !["", "no", "false", "0"].contains(text.lowercased())
            case .list(let items): return !items.isEmpty
            }
        case .comparison(let lhsOperand, let op, let rhsOperand):
            let lhs = value(lhsOperand), rhs = value(rhsOperand)
            return Self.compare(lhs, op, rhs)
        }
    }

    static func compare(_ lhs: FlowValue, _ op: ComparisonOperator, _ rhs: FlowValue) -> Bool {
        switch op {
        case .equal: return equal(lhs, rhs)
        case .notEqual: return !equal(lhs, rhs)
        case .contains:
            let needle = rhs.displayText.lowercased()
            switch lhs {
            case .list(let items): return items.contains { $0.lowercased() == needle }
            case .text(let text): return !needle.isEmpty && text.lowercased().contains(needle)
            default: return false
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            guard let a = number(lhs), let b = number(rhs) else { return false }
            switch op {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            default: return a >= b
            }
        }
    }

    private static func number(_ value: FlowValue) -> Int? {
        switch value {
        case .number(let n): return n
        case .text(let text): return Int(text.trimmingWhitespace())
        default: return nil
        }
    }

    private static func equal(_ lhs: FlowValue, _ rhs: FlowValue) -> Bool {
        switch (lhs, rhs) {
        case (.none, .none): return true
        case (.none, _), (_, .none): return false
        case (.list(let items), let other), (let other, .list(let items)):
            if case .list(let otherItems) = other { return items.map { $0.lowercased() } == otherItems.map { $0.lowercased() } }
            return items.contains { $0.lowercased() == other.displayText.lowercased() }
        default:
            if let a = number(lhs), let b = number(rhs) { return a == b }
            return lhs.displayText.trimmingWhitespace().lowercased() == rhs.displayText.trimmingWhitespace().lowercased()
        }
    }
}

/// A mistake in a condition, with the 1-based column inside the condition text.
public struct ConditionSyntaxError: Error, Hashable, Sendable {
    public var column: Int
    public var message: String
}

/// Parses the small condition language (docs/prompt-format.md, "Branching"):
/// comparisons with `== != < <= > >= contains`, `and`, `or`, `not`, parentheses,
/// numbers, quoted or bare words, and dotted variable names.
public struct ConditionParser {
    private enum Token: Equatable {
        case word(String), number(Int), quoted(String), op(ComparisonOperator), open, close
        /// `{young}`: a variable where a bare word would be a literal (the right of a comparison).
        case braced(String)
    }

    private var tokens: [(token: Token, column: Int)] = []
    private var index = 0
    /// The column just past the end of the text, for "ends too soon".
    private var endColumn = 1

    public static func parse(_ text: String) throws(ConditionSyntaxError) -> Condition {
        var parser = ConditionParser()
        parser.tokens = try tokenize(text)
        parser.endColumn = text.count + 1
        guard !parser.tokens.isEmpty else { throw ConditionSyntaxError(column: 1, message: "the condition is empty") }
        let condition = try parser.parseOr()
        if parser.index < parser.tokens.count {
            throw ConditionSyntaxError(column: parser.tokens[parser.index].column,
                                       message: "unexpected '\(parser.describe(parser.tokens[parser.index].token))'")
        }
        return condition
    }

    private static func tokenize(_ text: String) throws(ConditionSyntaxError) -> [(Token, Int)] {
        let chars = Array(text)
        var result: [(Token, Int)] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c == "(" { result.append((.open, column)); i += 1; continue }
            if c == ")" { result.append((.close, column)); i += 1; continue }
            if c == "{" {
                var j = i + 1
                var name = ""
                while j < chars.count, chars[j] != "}" { name.append(chars[j]); j += 1 }
                guard j < chars.count, !name.trimmingWhitespace().isEmpty else {
                    throw ConditionSyntaxError(column: column, message: "a '{' needs a variable name and a closing '}'")
                }
                result.append((.braced(name.trimmingWhitespace()), column))
                i = j + 1
                continue
            }
            if c == "\"" || c == "'" {
                var j = i + 1
                var value = ""
                while j < chars.count, chars[j] != c { value.append(chars[j]); j += 1 }
                guard j < chars.count else { throw ConditionSyntaxError(column: column, message: "a quote is not closed") }
                result.append((.quoted(value), column))
                i = j + 1
                continue
            }
            let two = i + 1 < chars.count ? String([c, chars[i + 1]]) : String(c)
            if let op = ComparisonOperator(rawValue: two), two.count == 2 {
                result.append((.op(op), column)); i += 2; continue
            }
            if c == "<" || c == ">" {
                result.append((.op(ComparisonOperator(rawValue: String(c))!), column)); i += 1; continue
            }
            if c == "=" { // a single '=' is a common slip for '=='
                result.append((.op(.equal), column)); i += 1; continue
            }
            if c.isNumber || (c == "-" && i + 1 < chars.count && chars[i + 1].isNumber) {
                var j = i + 1
                while j < chars.count, chars[j].isNumber { j += 1 }
                if j < chars.count, chars[j].isLetter || chars[j] == "-" || chars[j] == "_" {
                    // a word that starts with a digit, such as a step id `3-breaths`
                } else if let n = Int(String(chars[i..<j])) {
                    result.append((.number(n), column)); i = j; continue
                }
            }
            if c.isLetter || c.isNumber || c == "_" {
                var j = i
                while j < chars.count, chars[j].isLetter || chars[j].isNumber || "_-.".contains(chars[j]) { j += 1 }
                let word = String(chars[i..<j])
                if word == "contains" { result.append((.op(.contains), column)) } else { result.append((.word(word), column)) }
                i = j
                continue
            }
            throw ConditionSyntaxError(column: column, message: "unexpected character '\(c)'")
        }
        return result
    }

    private func describe(_ token: Token) -> String {
        switch token {
        case .word(let w): return w
        case .number(let n): return String(n)
        case .quoted(let q): return "\"\(q)\""
        case .op(let op): return op.rawValue
        case .open: return "("
        case .close: return ")"
        case .braced(let name): return "{\(name)}"
        }
    }

    private var column: Int { index < tokens.count ? tokens[index].column : endColumn }

    private mutating func parseOr() throws(ConditionSyntaxError) -> Condition {
        var lhs = try parseAnd()
        while index < tokens.count, tokens[index].token == .word("or") {
            index += 1
            lhs = .or(lhs, try parseAnd())
        }
        return lhs
    }

    private mutating func parseAnd() throws(ConditionSyntaxError) -> Condition {
        var lhs = try parseNot()
        while index < tokens.count, tokens[index].token == .word("and") {
            index += 1
            lhs = .and(lhs, try parseNot())
        }
        return lhs
    }

    private mutating func parseNot() throws(ConditionSyntaxError) -> Condition {
        if index < tokens.count, tokens[index].token == .word("not") {
            index += 1
            return .not(try parseNot())
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ConditionSyntaxError) -> Condition {
        if index < tokens.count, tokens[index].token == .open {
            index += 1
            let inner = try parseOr()
            guard index < tokens.count, tokens[index].token == .close else {
                throw ConditionSyntaxError(column: column, message: "expected ')'")
            }
            index += 1
            return inner
        }
        let lhs = try parseOperand(isLeft: true)
        guard index < tokens.count, case .op(let op) = tokens[index].token else {
            return .truthy(lhs)
        }
        index += 1
        let rhs = try parseOperand(isLeft: false)
        return .comparison(lhs, op, rhs)
    }

    private mutating func parseOperand(isLeft: Bool) throws(ConditionSyntaxError) -> Operand {
        guard index < tokens.count else { throw ConditionSyntaxError(column: column, message: "the condition ends too soon") }
        let (token, col) = tokens[index]
        index += 1
        switch token {
        case .number(let n): return .number(n)
        case .quoted(let text): return .text(text)
        case .braced(let name): return .variable(name.split(separator: ".").map(String.init))
        case .word(let word):
            if ["and", "or", "not"].contains(word) {
                throw ConditionSyntaxError(column: col, message: "expected a value before '\(word)'")
            }
            if word == "skipped" { return .skipped }
            // On the right of a comparison a bare word is a literal (`part.role == exile`);
            // on the left it names a variable.
            return isLeft ? .variable(word.split(separator: ".").map(String.init)) : .text(word)
        default:
            throw ConditionSyntaxError(column: col, message: "expected a value, found '\(describe(token))'")
        }
    }
}
