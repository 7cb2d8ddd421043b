import Foundation

/// Why a file or folder could not be written, in words a clerk can act on: Foundation's own message
/// is often "The operation could not be completed".
enum WriteProblem {
    static func describe(_ path: String, _ error: any Error) -> String {
        let fm = FileManager.default
        // The nearest part of the path that exists says what is in the way.
        var existing = (path as NSString).standardizingPath
        while !existing.isEmpty && existing != "/" && !fm.fileExists(atPath: existing) {
            existing = (existing as NSString).deletingLastPathComponent
        }
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: existing, isDirectory: &isFolder), existing != path, !isFolder.boolValue {
            return "\(existing) is a file, not a folder"
        }
        let folder = isFolder.boolValue ? existing : (existing as NSString).deletingLastPathComponent
        if !folder.isEmpty, !fm.isWritableFile(atPath: folder) {
            return "this user (\(Impostor.Decide.loginName())) cannot write in \(folder)"
        }
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        return underlying.map { String(cString: strerror(Int32($0.code))) } ?? error.localizedDescription
    }
}
