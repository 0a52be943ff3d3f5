import JournalCore
import TerminalUI

/// What the home screen shows, loaded from the store by the `.loadHome` effect.
public struct HomeData: Hashable, Sendable {
    public var recent: [RecentEntry]
    public var draft: Draft?
    /// How many other unfinished sessions wait behind the newest one.
    public var otherDrafts = 0
    public var parts: [Part]
    /// Files that could not be read, said once, gently.
    public var problemCount: Int
    /// How many entries were written on this day in earlier years (offered on the home screen).
    public var onThisDay = 0
    /// Which merged-away part ids now mean which part.
    public var aliases = PartAliases([])
    /// Deeper work from the last days not yet followed up (offered, gently).
    public var followUp: FollowUpReminder?
    /// A part that set its burden down in the last weeks: a visit offered each day.
    public var afterUnburdening: UnburdeningFollowUp?
    /// The person's safety plan (flows show it; empty when none was written or it cannot be read).
    public var safetyPlan = SafetyPlan()

    public init(recent: [RecentEntry] = [], draft: Draft? = nil, parts: [Part] = [], problemCount: Int = 0) {
        self.recent = recent
        self.draft = draft
        self.parts = parts
        self.problemCount = problemCount
    }
}

/// A part as shown in lists: its name in its colour.
public struct PartLabel: Hashable, Sendable {
    public var name: String
    public var colour: Color?

    public init(name: String, colour: Color?) {
        self.name = name
        self.colour = colour
    }
}

/// An entry as the home screen lists it: its parts as coloured labels.
public struct RecentEntry: Hashable, Sendable {
    public var id: EntryID
    public var created: LocalDateTime
    public var title: String
    public var parts: [PartLabel]

    public init(id: EntryID, created: LocalDateTime, title: String, parts: [PartLabel]) {
        self.id = id
        self.created = created
        self.title = title
        self.parts = parts
    }
}

