/// Everything impostor protects, plus the settings in `impostor.toml`.
public struct Watchlist: Sendable {
    /// The folder the watchlist was read from.
    public var directory: String
    /// One per council file, sorted by id.
    public var identities: [Identity]
    public var settings: Settings

    public init(directory: String, identities: [Identity], settings: Settings = Settings()) {
        self.directory = directory
        self.identities = identities
        self.settings = settings
    }

    public func identity(id: String) -> Identity? {
        identities.first { $0.id == id }
    }
}

/// The settings file, `watchlist/impostor.toml`: sources to fetch and how impostor runs.
public struct Settings: Sendable {
    /// One per `[[source]]` table, in file order.
    public var sources: [SourceSettings]
    /// Lets avatar downloads reach loopback and private addresses (tests, intranets). Default false.
    public var allowPrivateAddresses: Bool
    /// Every other top-level key or table, kept for the stages that read them (store, digest, review).
    public var other: [String: ConfigValue]

    public init(sources: [SourceSettings] = [], allowPrivateAddresses: Bool = false, other: [String: ConfigValue] = [:]) {
        self.sources = sources
        self.allowPrivateAddresses = allowPrivateAddresses
        self.other = other
    }
}

/// One `[[source]]` entry: a `kind` and its keys, checked by the fetch stage that uses them.
public struct SourceSettings: Sendable, Hashable {
    public var kind: String
    public var options: [String: ConfigValue]
    /// Where the entry is, for error messages ("watchlist/impostor.toml:12").
    public var location: String

    public init(kind: String, options: [String: ConfigValue], location: String) {
        self.kind = kind
        self.options = options
        self.location = location
    }
}

/// A TOML value, copied out of the parser so it can cross threads.
public enum ConfigValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case double(Double)
    case bool(Bool)
    case array([ConfigValue])
    case table([String: ConfigValue])

    public var string: String? { if case .string(let s) = self { s } else { nil } }
    public var integer: Int? { if case .integer(let i) = self { i } else { nil } }
    public var double: Double? {
        switch self {
        case .double(let d): d
        case .integer(let i): Double(i)
        default: nil
        }
    }
    public var bool: Bool? { if case .bool(let b) = self { b } else { nil } }
    public var array: [ConfigValue]? { if case .array(let a) = self { a } else { nil } }
    public var table: [String: ConfigValue]? { if case .table(let t) = self { t } else { nil } }
    /// The value as a list of strings, when it is one.
    public var strings: [String]? { array?.compactMap(\.string) }
}
