/// A small RFC 4180 reader: quoted fields may hold commas, quotes ("") and line breaks.
///
/// Spreadsheets export this; clerks keep their lists in spreadsheets.
struct CSVReader {
    struct Record {
        /// The 1-based line the record starts on.
        var line: Int
        var fields: [String]
        /// Why the record cannot be trusted: a quote opened and never closed swallows the rest of the file.
        var problem: String?
    }

    private let text: String
    /// The number of `text`'s first line in the whole file, and how many unclosed quotes were read past before it.
    private let firstLine: Int, recoveries: Int
    /// Unclosed quotes read past in one file: each costs a pass over the rest of it.
    static let maxRecoveries = 100
    /// Fields kept of one record: a profile has nine columns, and a row of millions of commas is no profile.
    static let maxFields = 1_000

    init(_ text: String, firstLine: Int = 1, recoveries: Int = 0) {
        (self.text, self.firstLine, self.recoveries) = (text, firstLine, recoveries)
    }

    /// Hands on every record in order, one at a time: a file of millions of short lines is never held as
    /// millions of records. A blank line is no record.
    func forEachRecord(_ body: (Record) -> Void) {
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = firstLine
        var recordLine = firstLine
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        var tooMany = false
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            body(tooMany ? Record(line: recordLine, fields: [], problem: "more than \(Self.maxFields) fields; quote fields that hold commas")
                : Record(line: recordLine, fields: fields))
            fields = []
            tooMany = false
        }

        while let c = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if c == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.append(c)
                }
                continue
            }
            switch c {
            case "\"" where field.isEmpty: inQuotes = true
            case ",":
                if fields.count < Self.maxFields { fields.append(String(field)) } else { tooMany = true }
                field = String.UnicodeScalarView()
            case "\r": break
            case "\n":
                if !fields.isEmpty || !field.isEmpty { endRecord() }
                line += 1
                recordLine = line
            default: field.append(c)
            }
        }
        if inQuotes {
            // Everything after the open quote went into one field: keep no guess of it, and read on from the next
            // line, so that one stray quote does not lose every row after it.
            guard recoveries < Self.maxRecoveries, let rest = rest(after: recordLine) else {
                return body(Record(line: recordLine, fields: [],
                                   problem: "a quoted field that starts on this line is never closed; every line after it was read as part of it"))
            }
            body(Record(line: recordLine, fields: [],
                        problem: "a quoted field that starts on this line is never closed; the lines after it are read on their own"))
            CSVReader(rest, firstLine: recordLine + 1, recoveries: recoveries + 1).forEachRecord(body)
        } else if !field.isEmpty || !fields.isEmpty {
            endRecord()
        }
    }

    /// The text after line `number` (counted from `firstLine`), or nil when that is the last line.
    private func rest(after number: Int) -> String? {
        let utf8 = text.utf8
        var newlines = 0
        for i in utf8.indices where utf8[i] == 0x0A {
            newlines += 1
            guard newlines > number - firstLine else { continue }
            let rest = String(Substring(utf8[utf8.index(after: i)...]))
            return rest.isEmpty ? nil : rest
        }
        return nil
    }
}
