/// impostor's version: recorded with every scan and assessment, so a clerk can tell which rules judged a case.
public enum ImpostorVersion {
    public static let current = "0.4.0"
}
