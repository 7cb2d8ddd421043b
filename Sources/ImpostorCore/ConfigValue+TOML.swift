import TOMLKit

extension ConfigValue {
    /// Copies a parsed TOML value into plain Swift values; dates and times become their TOML text.
    init(toml value: any TOMLValueConvertible) {
        switch value.type {
        case .string: self = .string(value.string ?? "")
        case .int: self = .integer(value.int ?? 0)
        case .double: self = .double(value.double ?? 0)
        case .bool: self = .bool(value.bool ?? false)
        case .array: self = .array(value.array.map { $0.map { ConfigValue(toml: $0) } } ?? [])
        case .table: self = .table(value.table.map(ConfigValue.table(of:)) ?? [:])
        default: self = .string(value.debugDescription)
        }
    }

    static func table(of table: TOMLTable) -> [String: ConfigValue] {
        var out: [String: ConfigValue] = [:]
        for (key, value) in table { out[key] = ConfigValue(toml: value) }
        return out
    }

    /// Parses TOML text into a table, or the parser's message with its line.
    static func parseTOML(_ text: String) -> Result<[String: ConfigValue], TOMLSyntaxError> {
        if let problem = TOMLPrecheck.problem(in: text) { return .failure(problem) }
        do {
            return .success(table(of: try TOMLTable(string: text)))
        } catch let error as TOMLParseError {
            return .failure(TOMLSyntaxError(message: error.description, line: error.source.begin.line))
        } catch {
            return .failure(TOMLSyntaxError(message: "\(error)", line: nil))
        }
    }

    /// A short name of the value's type for messages ("a string", "a list").
    var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "a whole number"
        case .double: "a number"
        case .bool: "true or false"
        case .array: "a list"
        case .table: "a table"
        }
    }
}

struct TOMLSyntaxError: Error {
    var message: String
    var line: Int?
}
