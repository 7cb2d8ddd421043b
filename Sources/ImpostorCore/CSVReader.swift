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

    init(_ text: String) { self.text = text }

    func records() -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars[...]
        if scalars.first == "\u{FEFF}" { scalars = scalars.dropFirst() }
        var iterator = scalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
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
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r": break
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.append(c)
            }
        }
        if inQuotes {
            // Everything after the open quote went into one field: keep no guess of it.
            records.append(Record(line: recordLine, fields: [], problem: "a quoted field that starts on this line is never closed; every line after it was read as part of it"))
        } else if !field.isEmpty || !fields.isEmpty {
            endRecord()
        }
        return records
    }
}
