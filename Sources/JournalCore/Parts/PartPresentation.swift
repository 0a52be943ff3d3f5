/// A fact of a part's record, as the part's page in the app, `haven parts show` and the summary
/// all name it: one label each, in one order.
public enum PartFact: CaseIterable, Hashable, Sendable {
    case formerNames, colour
    case apparentAge, bodyLocation, feelings, beliefs, job, positiveIntent, newRole, fears
    case protects, pullsAgainst, allies

    /// What the person has written about the part (not what it is called or shown in), in the
    /// order it is read.
    public static let described: [PartFact] = [.apparentAge, .bodyLocation, .feelings, .beliefs, .job, .positiveIntent, .newRole,
                                               .fears, .protects, .pullsAgainst, .allies]

    public var label: String {
        switch self {
        case .formerNames: return "Once called"
        case .colour: return "Colour"
        case .apparentAge: return SingleValueField.apparentAge.label
        case .bodyLocation: return SingleValueField.bodyLocation.label
        case .feelings: return "Feelings"
        case .beliefs: return "Beliefs"
        case .job: return SingleValueField.job.label
        case .positiveIntent: return SingleValueField.positiveIntent.label
        case .newRole: return SingleValueField.newRole.label
        case .fears: return "Fears"
        case .protects: return "Protects"
        case .pullsAgainst: return "Pulls against"
        case .allies: return "Allies"
        }
    }

    /// Names (of the part, or of the parts it links to) rather than the person's own words.
    public var isNames: Bool {
        switch self {
        case .formerNames, .protects, .pullsAgainst, .allies: return true
        default: return false
        }
    }
}

/// A part's record as words to read, the same wherever it is shown: the facts and their values
/// (linked parts by their names), its role and stage, permission answers ("not yet"), promises
/// (open or kept) and how the person read a feel-toward answer. Where each thing goes on the
/// screen or the page is the caller's.
public struct PartPresentation: Sendable {
    public let part: Part
    /// The names to show for linked parts; a part not in it is shown by its id.
    public let names: [PartID: String]

    public init(_ part: Part, names: [PartID: String]) {
        self.part = part
        self.names = names
    }

    public func name(of id: PartID) -> String { names[id] ?? id.rawValue }

    /// The fact's value, item by item (empty when the record holds nothing there).
    public func values(_ fact: PartFact) -> [String] {
        let one: (String) -> [String] = { $0.isEmpty ? [] : [$0] }
        switch fact {
        case .formerNames: return part.formerNames
        case .colour: return one(part.colour ?? "")
        case .apparentAge: return one(part.apparentAge)
        case .bodyLocation: return one(part.bodyLocation)
        case .feelings: return part.feelings
        case .beliefs: return part.beliefs
        case .job: return one(part.job)
        case .positiveIntent: return one(part.positiveIntent)
        case .newRole: return one(part.newRole)
        case .fears: return part.fears
        case .protects: return part.protects.map(name(of:))
        case .pullsAgainst: return part.polarizedWith.map(name(of:))
        case .allies: return part.allies.map(name(of:))
        }
    }

    /// The fact's value as one line: names joined by commas, the person's words by semicolons
    /// (their words may hold commas); `quoting` wraps each of the person's words (the summary
    /// quotes them), never a name. Empty when there is nothing.
    public func text(_ fact: PartFact, quoting: (String) -> String = { $0 }) -> String {
        fact.isNames ? values(fact).joined(separator: ", ") : values(fact).map(quoting).joined(separator: "; ")
    }

    /// The facts among `facts` that hold something, in their order, with their text.
    public func filled(_ facts: [PartFact] = PartFact.described,
                       quoting: (String) -> String = { $0 }) -> [(fact: PartFact, text: String)] {
        facts.compactMap { fact in
            let text = text(fact, quoting: quoting)
            return text.isEmpty ? nil : (fact, text)
        }
    }

    /// Its role, then its stage when one is marked ("manager", "befriended").
    public var roleAndStage: [String] {
        [part.role.rawValue] + (part.stage.map { [Self.stage($0)] } ?? [])
    }

    /// A stage as it is named in the part form, in `haven parts` and in the file (`new-role`):
    /// a term the person picks, so it reads the same wherever they meet it.
    public static func stage(_ stage: PartStage) -> String {
        stage.rawValue
    }

    /// "yes", "no", "not yet": an answer, read as prose (the file says `not-yet`).
    public static func answer(_ answer: PermissionAnswer) -> String {
        answer.rawValue.replacingAll("-", with: " ")
    }

    /// The part a permission was about, by name, when the record says.
    public func about(_ permission: PartPermission) -> String? {
        permission.about.map(name(of:))
    }

    /// `not yet: visit the part it protects (Éloïse)`
    public func permission(_ permission: PartPermission) -> String {
        "\(Self.answer(permission.answer)): \(permission.request)" + (about(permission).map { " (\($0))" } ?? "")
    }

    /// `open`, or `kept 2026-11-29`.
    public static func promiseState(_ promise: PartPromise) -> String {
        promise.kept.map { "kept \($0.dateString)" } ?? "open"
    }

    /// How the person read a feel-toward answer, in their terms ("left open" when they did not
    /// choose: a guess of Haven's is never given as what they felt).
    public static func reading(_ chosen: FeelTowardResult?) -> String {
        switch chosen {
        case .selfPresent?: return "open toward it"
        case .targetBlended?: return "the part's own feeling"
        case .concernedPart?: return "another part was there"
        case .unclear?: return "not sure"
        case nil: return "left open"
        }
    }
}
