import Foundation

/// The one Python the test servers run under: `$IMPOSTOR_PYTHON`, which scripts/test sets, else
/// Debian's own `/usr/bin/python3`, where scripts/install-deps puts their packages.
public enum Python {
    public static let interpreter: String = {
        if let named = ProcessInfo.processInfo.environment["IMPOSTOR_PYTHON"], !named.isEmpty { return named }
        return FileManager.default.isExecutableFile(atPath: "/usr/bin/python3") ? "/usr/bin/python3" : "python3"
    }()
}
