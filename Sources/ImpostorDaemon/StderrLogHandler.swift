#if canImport(Glibc)
import Glibc
#endif
import Foundation
import ImpostorCore
import Logging

/// Log lines on standard error. Under systemd (JOURNAL_STREAM is set) each line starts with a syslog
/// priority like `<4>`, which journald reads as the level; elsewhere lines carry a time and a level.
public struct StderrLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    let label: String
    let journal: Bool

    public init(label: String, level: Logger.Level, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.label = label
        self.logLevel = level
        self.journal = environment["JOURNAL_STREAM"] != nil
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { _, new in new } }
        let line = Self.format(level: event.level, message: "\(event.message)", metadata: all, journal: journal,
                               date: Date())
        var bytes = Array(Redaction.apply(line).utf8)
        // One write per line so lines from concurrent tasks never interleave.
        bytes.withUnsafeMutableBytes { _ = write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    static func format(level: Logger.Level, message: String, metadata: Logger.Metadata, journal: Bool, date: Date) -> String {
        // Secrets come out of each value before it is escaped or cut, which could hide them.
        let fields = metadata.sorted { $0.key < $1.key }.map { "\($0.key)=\(quoted(Redaction.apply("\($0.value)")))" }
            .joined(separator: " ")
        let body = sanitised(Redaction.apply(message)) + (fields.isEmpty ? "" : " " + fields)
        if journal { return "<\(priority(level))>\(body)\n" }
        let time = ISO8601DateFormatter().string(from: date)
        return "\(time) \(level.rawValue) \(body)\n"
    }

    /// syslog(3) priorities, as journald reads them from a `<N>` prefix.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// Values with spaces are quoted; control characters (a hostile profile's newlines) are escaped so
    /// one event stays one line.
    static func quoted(_ value: String) -> String {
        let clean = sanitised(value)
        return clean.contains(" ") || clean.isEmpty ? "\"" + clean.replacingOccurrences(of: "\"", with: "\\\"") + "\"" : clean
    }

    static func sanitised(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars.prefix(2000) {
            if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format {
                out += String(format: "\\u{%X}", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
