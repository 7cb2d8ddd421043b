import CUnicode

/// The system ICU, reached only through the CUnicode shim.
///
/// `@unchecked Sendable`: the checker is configured once in `init` and never changed; ICU documents
/// that "functions that take a const USpoofChecker parameter are thread safe" (uspoof.h), and the
/// NFKC_Casefold instance is an immutable singleton.
final class ICU: @unchecked Sendable {
    private let checker: OpaquePointer

    /// Opens a spoof checker, or throws with ICU's error name.
    init() throws(TextError) {
        var status: Int32 = 0
        guard let c = cunicode_checker_open(&status) else {
            throw TextError(code: .icuUnavailable, reason: "ICU spoof checker: \(String(cString: cunicode_error_name(status)))")
        }
        checker = c
    }

    deinit { cunicode_checker_close(checker) }

    /// UTS #39 skeleton; the input returned unchanged if ICU fails on it.
    func skeleton(_ text: String) -> String {
        convert(text) { src, len, dest, cap, status in cunicode_skeleton(checker, src, len, dest, cap, status) }
    }

    /// NFKC_Casefold; the input returned unchanged if ICU fails on it.
    func nfkcCasefold(_ text: String) -> String {
        convert(text) { src, len, dest, cap, status in cunicode_nfkc_casefold(src, len, dest, cap, status) }
    }

    /// The text in the order a screen shows it, bidi controls removed; unchanged if ICU fails on it.
    func displayOrder(_ text: String) -> String {
        convert(text) { src, len, dest, cap, status in cunicode_display_order(src, len, dest, cap, status) }
    }

    /// The short ISO 15924 name of the scalar's script ("Latn", "Cyrl", "Zyyy" for common).
    func script(of scalar: Unicode.Scalar) -> String {
        let code = cunicode_script(scalar.value)
        return code < 0 ? "" : String(cString: cunicode_script_name(code))
    }

    static var version: String { String(cString: cunicode_icu_version()) }

    /// Runs one of the shim's preflight-style UTF-8 conversions: a first call sized from the input,
    /// and a second one when ICU says the output needs more room.
    private func convert(
        _ text: String,
        _ call: (UnsafePointer<CChar>, Int32, UnsafeMutablePointer<CChar>, Int32, UnsafeMutablePointer<Int32>) -> Int32
    ) -> String {
        var utf8 = Array(text.utf8CString)
        let length = Int32(utf8.count - 1)
        var capacity = max(16, Int(length) * 3 + 1)
        for _ in 0..<2 {
            var out = [CChar](repeating: 0, count: capacity)
            var status: Int32 = 0
            let needed = utf8.withUnsafeMutableBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    call(src.baseAddress!, length, dst.baseAddress!, Int32(capacity), &status)
                }
            }
            if status == 15 || needed >= capacity {  // U_BUFFER_OVERFLOW_ERROR, or no room for the NUL
                capacity = Int(needed) + 1
                continue
            }
            if status > 0 { return text }  // U_FAILURE: leave the text as it was
            return String(decoding: out.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        utf8.removeAll()
        return text
    }
}

/// A failure of the text stage.
public struct TextError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable { case icuUnavailable }
    public var code: Code
    public var reason: String
    public var description: String { reason }
}
