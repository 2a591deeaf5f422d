import Forms

/// A registry row that names an entity.
protocol RegistryEntry: Sendable {
    var uscc: USCC? { get }
    var name: String { get }
    /// `EntityName.key(name)`, computed once.
    var nameKey: String { get }
}

/// Rows of one registry, indexed once by code and by normalised name.
struct EntityIndex<Entry: RegistryEntry>: Sendable {
    let entries: [Entry]
    private let byUSCC: [USCC: [Int]]
    private let byName: [String: [Int]]

    init(_ entries: [Entry]) {
        self.entries = entries
        var byUSCC: [USCC: [Int]] = [:]
        var byName: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            if let uscc = entry.uscc { byUSCC[uscc, default: []].append(index) }
            byName[entry.nameKey, default: []].append(index)
        }
        self.byUSCC = byUSCC
        self.byName = byName
    }

    /// Every row with this code, in file order.
    func entries(uscc: USCC) -> [Entry] {
        byUSCC[uscc, default: []].map { entries[$0] }
    }

    /// Every row with this name (compared by `EntityName.key`), in file order,
    /// whatever its code.
    func entries(name: String) -> [Entry] {
        byName[EntityName.key(name), default: []].map { entries[$0] }
    }

    /// Rows with this code under another name: the code belongs to someone else.
    func entries(uscc: USCC, nameOtherThan name: String) -> [Entry] {
        let key = EntityName.key(name)
        return entries(uscc: uscc).filter { $0.nameKey != key }
    }

    /// Rows with this name under another code (rows without a code are not
    /// a conflict): the name is registered with a different identity.
    func entries(name: String, usccOtherThan uscc: USCC) -> [Entry] {
        entries(name: name).filter { $0.uscc != nil && $0.uscc != uscc }
    }
}
