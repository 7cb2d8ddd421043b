import ImpostorCore

/// A report for one platform's impersonation form: where to send it, who may, and what to fill in.
public struct Notice: Sendable, Hashable {
    public var platform: Platform
    public var route: ReportingRoute
    /// Each field the form asks for, with what to enter, in the form's order.
    public var fields: [Field]
    /// The text for the form's description box (and the API's comment or reason).
    public var description: String
    public var descriptionLimit: LengthLimit
    /// The description's length, counted as the platform counts.
    public var descriptionLength: Int
    /// Whether the description fits its box.
    public var fits: Bool
    /// What was done to make the description fit.
    public var shortened: [String]
    /// The whole notice as plain text, as the clerk reads and pastes it.
    public var text: String

    public struct Field: Sendable, Hashable {
        public var label: String
        public var value: String
    }
}
