/// A list's highlighted row, and which row it is drawn from: the moves every list screen makes,
/// kept inside the list's bounds.
public struct ListState: Hashable, Sendable {
    public private(set) var selected: Int
    /// The first row drawn, when the list scrolls as little as it can (`keepInSight`).
    public private(set) var scroll: Int

    public init(selected: Int = 0, scroll: Int = 0) {
        self.selected = max(0, selected)
        self.scroll = max(0, scroll)
    }

    /// Up (negative) or down by `delta` rows, stopping at the first and last of `count`.
    public mutating func move(by delta: Int, count: Int) {
        select(selected + delta, count: count)
    }

    public mutating func select(_ index: Int, count: Int) {
        selected = min(max(0, index), max(0, count - 1))
    }

    /// Back inside the list after it became shorter (a row went away elsewhere).
    public mutating func clamp(count: Int) {
        select(selected, count: count)
    }

    /// The first row to draw for the highlighted one to be in sight in `height` rows, the list
    /// staying at its top until the highlight reaches the bottom row.
    public func firstVisible(height: Int) -> Int {
        max(0, selected - max(1, height) + 1)
    }

    /// Moves `scroll` as little as possible so the highlighted row is in sight in `height` rows.
    public mutating func keepInSight(height: Int) {
        let rows = max(1, height)
        if selected < scroll { scroll = selected }
        if selected >= scroll + rows { scroll = selected - rows + 1 }
    }
}
