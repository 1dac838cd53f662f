/// The promises the model makes about offsets, as checks: the fuzz target
/// stops on any of them, the fuzz regression tests expect none. Each
/// problem is one readable line.
extension Document {
    /// Passages and headings lie inside the text, passages in order and slicing out their own text.
    public func offsetProblems() -> [String] {
        var problems: [String] = []
        let count = text.unicodeScalars.count
        if passages.isEmpty { problems.append("a document without passages") }
        var previous = 0
        for passage in passages {
            if !(0 <= passage.start && passage.start <= passage.end && passage.end <= count) {
                problems.append("\(passage.id) \(passage.start)..<\(passage.end) outside the text (\(count) scalars)")
            }
            if passage.start < previous { problems.append("\(passage.id) starts at \(passage.start) before \(previous)") }
            if slice(passage.start, passage.end) != passage.text { problems.append("\(passage.id) does not slice its text") }
            previous = passage.end
        }
        // Pages: on every passage of a PDF (1 or more, never going back), on none of any other format.
        var previousPage = 1
        for passage in passages {
            switch (format == .pdf, passage.page) {
            case (true, nil): problems.append("\(passage.id) of a PDF has no page")
            case (false, .some(let page)): problems.append("\(passage.id) has page \(page) in a \(format.rawValue) file")
            case (true, .some(let page)):
                if page < previousPage { problems.append("\(passage.id) on page \(page) after page \(previousPage)") }
                previousPage = page
            case (false, nil): break
            }
        }
        for heading in headings where !(0 <= heading.start && heading.start <= heading.end && heading.end <= count) {
            problems.append("heading \(heading.start)..<\(heading.end) outside the text (\(count) scalars)")
        }
        return problems
    }
}

extension AuditedAgenda {
    /// Code evidence, suppressed hits and cycle evidence lie inside the passage they belong to.
    public func evidenceProblems() -> [String] {
        var problems: [String] = []
        func inside(_ start: Int, _ end: Int, _ passage: Passage) -> Bool {
            passage.start <= start && start <= end && end <= passage.end
        }
        for coded in coded.passages {
            let passage = coded.passage
            for item in coded.codes.flatMap(\.evidence) where !inside(item.start, item.end, passage) {
                problems.append("evidence \(item.start)..<\(item.end) outside \(passage.id) \(passage.start)..<\(passage.end)")
            }
            for item in coded.suppressed where !inside(item.start, item.end, passage) {
                problems.append("suppressed hit \(item.start)..<\(item.end) outside \(passage.id) \(passage.start)..<\(passage.end)")
            }
        }
        guard let cycle else { return problems }
        let passages = Dictionary(uniqueKeysWithValues: document.passages.map { ($0.id, $0) })
        for finding in cycle.elements.values {
            for item in finding.evidence {
                guard let passage = passages[item.passage] else {
                    problems.append("cycle evidence in unknown \(item.passage)")
                    continue
                }
                if !inside(item.start, item.end, passage) {
                    problems.append("cycle evidence \(item.start)..<\(item.end) outside \(passage.id) \(passage.start)..<\(passage.end)")
                }
            }
        }
        return problems
    }
}
