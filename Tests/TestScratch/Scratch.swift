import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where tests put their files: one folder per test process, so nothing is scattered over /tmp.
/// Tests that share a fixture cannot remove it (Swift Testing has no end-of-run hook), so the first
/// use in a run removes the folders of earlier runs whose process has ended.
public enum Scratch {
    static let prefix = "impostor-tests-"

    public static let root: String = {
        let fm = FileManager.default
        let base = fm.temporaryDirectory.path
        for name in (try? fm.contentsOfDirectory(atPath: base)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0, errno == ESRCH {
                try? fm.removeItem(atPath: base + "/" + name)
            }
        }
        let mine = base + "/\(prefix)\(getpid())"
        try? fm.createDirectory(atPath: mine, withIntermediateDirectories: true)
        return mine
    }()

    /// A fresh path under `root`, named `<name>-<uuid>`; nothing is created there.
    public static func path(_ name: String) -> String { root + "/\(name)-\(UUID().uuidString)" }
}
