/// The person's own plan for when things get too heavy: someone to reach, a therapist if they
/// have one, their local crisis number. Written once (the "Your safety plan" flow, or by hand in
/// `safety-plan.md`), then shown where it helps: at grounding's reach-out, and at the close of
/// deep work. Haven never fills it in for them.
public struct SafetyPlan: Hashable, Sendable, Codable {
    public var supportPerson: String
    public var therapist: String
    public var crisisLine: String
    /// Anything else that helps, in their words (the file's body).
    public var notes: String
    /// Keys the person added by hand, kept as written.
    public var extraFields: [FrontMatterField] = []

    public init(supportPerson: String = "", therapist: String = "", crisisLine: String = "", notes: String = "") {
        self.supportPerson = supportPerson
        self.therapist = therapist
        self.crisisLine = crisisLine
        self.notes = notes
    }

    public var isEmpty: Bool {
        [supportPerson, therapist, crisisLine, notes].allSatisfy { $0.trimmingWhitespace().isEmpty }
    }

    public subscript(field: SafetyPlanField) -> String {
        get {
            switch field {
            case .supportPerson: return supportPerson
            case .therapist: return therapist
            case .crisisLine: return crisisLine
            }
        }
        set {
            switch field {
            case .supportPerson: supportPerson = newValue
            case .therapist: therapist = newValue
            case .crisisLine: crisisLine = newValue
            }
        }
    }

    /// The plan as a few lines to read in a hard moment: only what is filled in.
    public var summary: String {
        SafetyPlanField.allCases.compactMap { field in
            let value = self[field].trimmingWhitespace()
            return value.isEmpty ? nil : "\(field.label): \(value)"
        }.joined(separator: "\n")
    }
}

/// A line of the safety plan a flow step can fill in (`updates: safety_support`...).
public enum SafetyPlanField: String, CaseIterable, Hashable, Sendable, Codable {
    case supportPerson = "safety_support"
    case therapist = "safety_therapist"
    case crisisLine = "safety_crisis"

    public var label: String {
        switch self {
        case .supportPerson: return "Someone to reach"
        case .therapist: return "Your therapist"
        case .crisisLine: return "Crisis line"
        }
    }

    /// Its name after `safety.` in a flow's variables (`{safety.support}`).
    public var variable: String {
        switch self {
        case .supportPerson: return "support"
        case .therapist: return "therapist"
        case .crisisLine: return "crisis"
        }
    }
}

/// The safety plan as it is on disk, with the version a save must match.
public struct StoredSafetyPlan: Hashable, Sendable {
    public var plan: SafetyPlan
    public var path: String
    public var version: ContentHash

    public init(plan: SafetyPlan, path: String, version: ContentHash) {
        self.plan = plan
        self.path = path
        self.version = version
    }
}
