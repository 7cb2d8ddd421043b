/// What a placeholder holds while a template renders.
public enum TemplateValue: Sendable, Hashable {
    /// Text put in where `{{name}}` stands; a section `{{#name}}` shows when it is not empty.
    case text(String)
    /// A yes/no for `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`.
    case flag(Bool)
    /// Rows for `{{#name}}…{{/name}}`, shown once per row with the row's names in scope.
    case list([[String: TemplateValue]])

    /// Whether a `{{#name}}` section shows.
    var isSet: Bool {
        switch self {
        case .text(let s): !s.isEmpty
        case .flag(let b): b
        case .list(let rows): !rows.isEmpty
        }
    }
}
