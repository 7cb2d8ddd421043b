extension String {
    /// Whether the key holds `needle` as a substring, by bytes.
    ///
    /// Keys are short; a plain scan beats the general string searcher, which allocates a table per call.
    func holds(_ needle: String) -> Bool {
        var hay = self
        var pin = needle
        return hay.withUTF8 { h in
            pin.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard n.count <= h.count else { return false }
                let first = n[0]
                for i in 0...(h.count - n.count) where h[i] == first {
                    var j = 1
                    while j < n.count && h[i + j] == n[j] { j += 1 }
                    if j == n.count { return true }
                }
                return false
            }
        }
    }
}
