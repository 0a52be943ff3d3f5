/// A part's stable identifier: the slug of the name it was first given (`inner-critic`). It
/// never changes, so renaming a part never breaks the entries that mention it.
public struct PartID: Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
    ExpressibleByStringLiteral {
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public var description: String { rawValue }
    public static func < (lhs: PartID, rhs: PartID) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The role a person gives a part. Haven never assigns one; `unknown` until the person says.
public enum PartRole: String, CaseIterable, Hashable, Sendable, Codable {
    case manager, firefighter, exile
    case selfLike = "self-like"
    case unknown
}

/// Where a part is in the work, as the person marks it (IFS: noticed, befriended, gave
/// permission, witnessed, unburdened, took a new role).
public enum PartStage: String, CaseIterable, Hashable, Sendable, Codable {
    case noticed, befriended, permission, witnessed
    /// It has come out of the time it was stuck in, to a place it chose.
    case retrieved
    case unburdened
    case newRole = "new-role"
}

/// When a flow marked a stage as reached, so later work can pick up there and the weeks after
/// an unburdening get their follow-up.
public struct StageRecord: Hashable, Sendable, Codable {
    public var stage: PartStage
    public var date: LocalDateTime

    public init(stage: PartStage, date: LocalDateTime) {
        self.stage = stage
        self.date = date
    }
}

/// How a feel-toward answer was sorted (see `FeelTowardSorter`).
public enum FeelTowardResult: String, CaseIterable, Hashable, Sendable, Codable {
    /// Curious, open, warm...: enough Self is here to go on.
    case selfPresent = "self"
    /// The answer is the part's own feeling ("I'm terrified"): it has blended.
    case targetBlended = "blended"
    /// Another part has feelings about this one (anger, fear of it, wanting it gone).
    case concernedPart = "concerned-part"
    case unclear
}

/// The person's answer to "how do you feel toward this part?" on one day: their words, how they
/// read it themselves, and what Haven proposed.
public struct FeelTowardRecord: Hashable, Sendable, Codable {
    public var date: LocalDateTime
    public var answer: String
    /// The reading the person chose; nil when they left it open (and in records written before
    /// Haven asked, which hold only its guess).
    public var chosen: FeelTowardResult?
    /// What the lexicon proposed from the words: a guess, never shown as a fact.
    public var proposed: FeelTowardResult?

    public init(date: LocalDateTime, answer: String, chosen: FeelTowardResult?, proposed: FeelTowardResult? = nil) {
        self.date = date
        self.answer = answer
        self.chosen = chosen
        self.proposed = proposed
    }
}

public enum PermissionAnswer: String, CaseIterable, Hashable, Sendable, Codable {
    case yes, no
    case notYet = "not-yet"
}

/// A part's answer when asked for permission (for example to visit the exile it protects).
public struct PartPermission: Hashable, Sendable, Codable {
    /// The request whose answers open the way to a part's exiles (`part.protectors_permission`).
    public static let visitRequest = "visit the part it protects"

    public var date: LocalDateTime
    public var request: String
    public var answer: PermissionAnswer
    /// The part the request was about (the young part a visit would be to), when known.
    public var about: PartID?
    /// Whether the person had said they felt open toward the part when it answered (their own
    /// reading of the latest feel-toward answer); nil when not asked in that session. A yes given
    /// while another part was close is asked again before work with a young part.
    public var selfLed: Bool?

    public init(date: LocalDateTime, request: String, answer: PermissionAnswer, about: PartID? = nil, selfLed: Bool? = nil) {
        self.date = date
        self.request = request
        self.answer = answer
        self.about = about
        self.selfLed = selfLed
    }
}

/// How much a part seemed to trust the person's Self on one day, 0 (not at all) to 10, as the
/// person rated it.
public struct TrustRecord: Hashable, Sendable, Codable {
    public var date: LocalDateTime
    public var rating: Int

    public init(date: LocalDateTime, rating: Int) {
        self.date = date
        self.rating = rating
    }
}

/// A promise the person made to a part, and when it was kept.
public struct PartPromise: Hashable, Sendable, Codable {
    public var made: LocalDateTime
    public var text: String
    public var kept: LocalDateTime?

    public init(made: LocalDateTime, text: String, kept: LocalDateTime? = nil) {
        self.made = made
        self.text = text
        self.kept = kept
    }
}

/// A field of a part's record that holds one value at a time. When a later flow or an edit gives
/// it a new value, the one it held is kept, dated, in the record's history.
public enum SingleValueField: String, CaseIterable, Hashable, Sendable, Codable {
    case role
    case apparentAge = "apparent_age"
    case bodyLocation = "body_location"
    case job
    case positiveIntent = "positive_intent"
    case newRole = "new_role"

    public var label: String {
        switch self {
        case .role: return "Role"
        case .apparentAge: return "Apparent age"
        case .bodyLocation: return "In the body"
        case .job: return "Its job"
        case .positiveIntent: return "What it hopes to do for you"
        case .newRole: return "The role it would like now"
        }
    }
}

/// A value a single-value field held until it was replaced (`until`), kept so that nothing the
/// person once wrote about a part is lost.
public struct EarlierValue: Hashable, Sendable, Codable {
    public var field: SingleValueField
    public var value: String
    public var until: LocalDateTime

    public init(field: SingleValueField, value: String, until: LocalDateTime) {
        self.field = field
        self.value = value
        self.until = until
    }
}

/// Everything the person has learned about one part: what is in `parts/<id>.md`.
public struct Part: Hashable, Sendable, Codable {
    public var id: PartID
    public var name: String
    public var formerNames: [String]
    public var role: PartRole
    public var stage: PartStage?
    public var created: LocalDateTime?
    public var apparentAge: String
    public var bodyLocation: String
    public var feelings: [String]
    public var beliefs: [String]
    public var job: String
    public var positiveIntent: String
    public var fears: [String]
    /// Parts this one protects.
    public var protects: [PartID]
    public var polarizedWith: [PartID]
    public var allies: [PartID]
    public var permissions: [PartPermission]
    public var promises: [PartPromise]
    public var feelToward: [FeelTowardRecord]
    /// Its trust in the Self, as rated over time (a `updates: trust` scale in a flow).
    public var trust: [TrustRecord] = []
    /// The stages a flow marked as reached, dated, oldest first.
    public var stagesReached: [StageRecord] = []
    /// The job or role a protector says it would like from now on, in its words.
    public var newRole = ""
    /// The values single-value fields held before they were replaced, oldest first.
    public var earlierValues: [EarlierValue] = []
    /// When each single-value field was given the value it holds (known for values Haven set),
    /// so an entry dated in the past never replaces a value given later.
    public var valueDates: [SingleValueField: LocalDateTime] = [:]
    /// A colour name for the terminal (`red`, `cyan`...), chosen by the person.
    public var colour: String?
    /// Put away by the person: left out of the parts list unless asked for, its history kept.
    public var archived = false
    /// Ids of parts merged into this one: entries and links naming them mean this part now.
    public var mergedFrom: [PartID] = []
    /// Front-matter keys Haven does not know, kept as written.
    public var extraFields: [FrontMatterField]
    /// Free notes: the Markdown body of the part's file.
    public var notes: String

    public init(id: PartID, name: String, formerNames: [String] = [], role: PartRole = .unknown,
                stage: PartStage? = nil, created: LocalDateTime? = nil, apparentAge: String = "", bodyLocation: String = "",
                feelings: [String] = [], beliefs: [String] = [], job: String = "",
                positiveIntent: String = "", fears: [String] = [], protects: [PartID] = [],
                polarizedWith: [PartID] = [], allies: [PartID] = [], permissions: [PartPermission] = [],
                promises: [PartPromise] = [], feelToward: [FeelTowardRecord] = [], colour: String? = nil,
                extraFields: [FrontMatterField] = [], notes: String = "") {
        self.id = id
        self.name = name
        self.formerNames = formerNames
        self.role = role
        self.stage = stage
        self.created = created
        self.apparentAge = apparentAge
        self.bodyLocation = bodyLocation
        self.feelings = feelings
        self.beliefs = beliefs
        self.job = job
        self.positiveIntent = positiveIntent
        self.fears = fears
        self.protects = protects
        self.polarizedWith = polarizedWith
        self.allies = allies
        self.permissions = permissions
        self.promises = promises
        self.feelToward = feelToward
        self.colour = colour
        self.extraFields = extraFields
        self.notes = notes
    }

    /// Whether `name` names this part: its name, a former name or its id, as `PartMatcher`
    /// compares them (case and accents do not matter).
    public func answers(to name: String) -> Bool {
        PartMatcher.names(self, name)
    }
}

extension Part {
    /// The field's value as text ("" when it has none; a role not yet given is none).
    public func value(of field: SingleValueField) -> String {
        switch field {
        case .role: return role == .unknown ? "" : role.rawValue
        case .apparentAge: return apparentAge
        case .bodyLocation: return bodyLocation
        case .job: return job
        case .positiveIntent: return positiveIntent
        case .newRole: return newRole
        }
    }

    /// Gives the field the value it was given on `date`. The value it held, when there was one
    /// and it differs, is kept in `earlierValues`. A value given before the one the field holds
    /// now (an entry dated in the past) does not replace it: it joins the history where it
    /// belongs, until the next value given after it. Giving a value it already has changes nothing.
    public mutating func replace(_ field: SingleValueField, with value: String, on date: LocalDateTime) {
        let old = self.value(of: field)
        let history = earlierValues.filter { $0.field == field }
        let currentSince = valueDates[field] ?? history.map(\.until).max()
        if let currentSince, date.secondsSinceEpoch < currentSince.secondsSinceEpoch {
            // Older than what the field holds: kept in the history, in its place.
            let next = history.map(\.until).filter { $0.secondsSinceEpoch > date.secondsSinceEpoch }
                .min { $0.secondsSinceEpoch < $1.secondsSinceEpoch } ?? currentSince
            let earlier = EarlierValue(field: field, value: value, until: next)
            // The value the field had in that stretch of time: the same again adds nothing.
            let valueThen = next == currentSince ? old : history.first { $0.until == next }?.value
            if valueThen != value, !value.trimmingWhitespace().isEmpty, !earlierValues.contains(earlier) {
                earlierValues.append(earlier)
                earlierValues.sort { $0.until.secondsSinceEpoch < $1.until.secondsSinceEpoch }
            }
            return
        }
        guard old != value else { return }
        let earlier = EarlierValue(field: field, value: old, until: date)
        if !old.trimmingWhitespace().isEmpty, !earlierValues.contains(earlier) {
            earlierValues.append(earlier)
            earlierValues.sort { $0.until.secondsSinceEpoch < $1.until.secondsSinceEpoch }
        }
        valueDates[field] = date
        switch field {
        case .role: role = PartRole(rawValue: value) ?? .unknown
        case .apparentAge: apparentAge = value
        case .bodyLocation: bodyLocation = value
        case .job: job = value
        case .positiveIntent: positiveIntent = value
        case .newRole: newRole = value
        }
    }

    /// The earlier values of one field, newest first.
    public func history(of field: SingleValueField) -> [EarlierValue] {
        earlierValues.filter { $0.field == field }.sorted { $0.until.secondsSinceEpoch > $1.until.secondsSinceEpoch }
    }
}
