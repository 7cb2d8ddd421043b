import Foundation

/// A message's readable text split into the writer's own words and the messages forwarded inline below
/// them, each with the links found in its own stretch of text.
struct TextTree {
    var own: [UInt8]
    var links: LinkList
    /// Links too long to keep.
    var longLinks = 0
    var forwarded: [(header: InlineForwards.Header, tree: TextTree)] = []
    var problems: [String] = []

    init(_ text: [UInt8], depth: Int, limits: ReceivedMail.Limits, maxDepth: Int, budget: inout PartBudget) {
        var blocks: [InlineForwards.Block] = []
        if depth < maxDepth {
            (own, blocks) = InlineForwards.split(text, maxBlocks: budget.remaining + 1)
        } else {
            own = text
        }
        var found = LinkList(cap: limits.maxLinks)
        longLinks = LinkFinder.scan(own) { found.add($0) }
        links = found
        for block in blocks {
            guard budget.take(noting: &problems) else { break }
            let tree = TextTree(block.body, depth: depth + 1, limits: limits, maxDepth: maxDepth, budget: &budget)
            forwarded.append((block.header, tree))
        }
    }

    /// Takes the links of another rendering of the same message (its HTML beside its plain text): links
    /// of its own words join these, and those of its n-th forwarded block join this tree's n-th block.
    /// Blocks the other rendering has beyond these give their links to this level.
    mutating func absorbLinks(of other: TextTree) {
        links.add(contentsOf: other.links)
        for (index, block) in other.forwarded.enumerated() {
            if index < forwarded.count {
                forwarded[index].tree.absorbLinks(of: block.tree)
            } else {
                block.tree.forEachLinkList { links.add(contentsOf: $0) }
            }
        }
    }

    private func forEachLinkList(_ body: (LinkList) -> Void) {
        body(links)
        for block in forwarded { block.tree.forEachLinkList(body) }
    }

    /// The tree as received mail: `header` fills in From, Date and Subject of an inline forwarded block.
    func mail(header: InlineForwards.Header?, limits: ReceivedMail.Limits) -> ReceivedMail {
        var problems = self.problems
        let text = MailBytes.trimmed(own[...])
        let kept = MailBytes.truncatedUTF8(text, to: max(0, limits.maxTextBytes))
        if kept.count < text.count {
            problems.append("the text is \(text.count) bytes long; only the first \(kept.count) were kept")
        }
        if longLinks > 0 {
            problems.append("\(longLinks) links longer than \(LinkFinder.maxLinkBytes) bytes were left out")
        }
        var mail = ReceivedMail(
            text: MailBytes.string(kept), links: links.kept,
            forwarded: forwarded.map { $0.tree.mail(header: $0.header, limits: limits) }, problems: problems,
            linksLeftOut: links.leftOut
        )
        if let header {
            mail.from = header.from.flatMap(Self.address)
            mail.subject = header.subject ?? ""
            mail.date = header.date
        }
        return mail
    }

    /// The sender of a forwarded block. Outlook writes `Name [mailto:a@b]`, which is read as `Name <a@b>`.
    private static func address(_ value: String) -> MailAddress? {
        var value = value
        if let open = value.range(of: "[mailto:", options: .caseInsensitive),
            let close = value[open.upperBound...].firstIndex(of: "]")
        {
            value.replaceSubrange(open.lowerBound...close, with: "<\(value[open.upperBound..<close])>")
        }
        return MailAddress(header: Array(value.utf8)[...])
    }
}
