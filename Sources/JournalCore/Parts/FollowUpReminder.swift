/// A follow-up not yet done: deeper work with a young part (witnessing, a letter to it) often
/// stirs protectors in the following days, and the follow-up flow is a short visit for then.
/// Offered from the day after that work for a week, until a follow-up entry is written after it.
public struct FollowUpReminder: Hashable, Sendable {
    /// Flows whose sessions call for a visit in the next days, and the distress readings that
    /// show the deeper part of the work was reached (a session that stopped at the gate, or a
    /// letter only about today, asks for no follow-up).
    public static let deeperWork: [String: Set<String>] = [
        "witness-exile": ["witness-stirred", "retrieval-stirred", "unburden-stirred", "end-stirred"],
        "safe-haven-letter": ["stirred"],
    ]
    public static var deeperFlows: Set<String> { Set(deeperWork.keys) }

    static func reachedDeeperWork(_ entry: EntrySummary) -> Bool {
        guard let flow = entry.flow, let steps = deeperWork[flow] else { return false }
        return entry.distress.contains { steps.contains($0.stepID) }
    }
    /// How many days after the work it is still offered.
    public static let days = 7

    /// The entry of the deeper work.
    public var entryID: EntryID
    public var created: LocalDateTime
    /// The parts of that entry, as written (ids).
    public var parts: [PartID]

    /// The reminder for `today`, if one is due; `entries` in any order.
    public static func pending(in entries: [EntrySummary], today: CalendarDay) -> FollowUpReminder? {
        guard let work = entries.filter(reachedDeeperWork)
            .max(by: { $0.created.secondsSinceEpoch < $1.created.secondsSinceEpoch }) else { return nil }
        let age = today.dayNumber - work.day.dayNumber
        guard (1...days).contains(age) else { return nil }
        let followedUp = entries.contains { $0.flow == "follow-up" && $0.created.secondsSinceEpoch > work.created.secondsSinceEpoch }
        guard !followedUp else { return nil }
        return FollowUpReminder(entryID: work.id, created: work.created, parts: work.parts)
    }

    /// The young part the work was with: the first exile among the entry's parts, else its
    /// first part (nil when it named none).
    public func youngPart(among parts: [Part], aliases: PartAliases) -> Part? {
        let known = self.parts.compactMap { id in parts.first { $0.id == aliases.resolve(id) } }
        return known.first { $0.role == .exile } ?? known.first
    }
}

/// A visit after an unburdening: offered every day for three weeks after a part set its burden
/// down (burdens can come back in pieces, and protectors take time to trust the change), unless
/// a follow-up was already written that day.
public struct UnburdeningFollowUp: Hashable, Sendable {
    public static let days = 21

    public var part: PartID
    /// When the flow marked it unburdened.
    public var unburdened: LocalDateTime
    /// How many days ago that was (1 the day after).
    public var daysSince: Int

    /// The visit due `today`, the most recent unburdening first.
    public static func pending(parts: [Part], entries: [EntrySummary], today: CalendarDay) -> UnburdeningFollowUp? {
        let followedUpToday = entries.contains { $0.flow == "follow-up" && $0.day == today }
        guard !followedUpToday else { return nil }
        let recent = parts.compactMap { part -> UnburdeningFollowUp? in
            guard let reached = part.stagesReached.last(where: { $0.stage == .unburdened }) else { return nil }
            let age = today.dayNumber - CalendarDay(reached.date).dayNumber
            guard (1...days).contains(age) else { return nil }
            return UnburdeningFollowUp(part: part.id, unburdened: reached.date, daysSince: age)
        }
        return recent.min { $0.daysSince < $1.daysSince }
    }
}
