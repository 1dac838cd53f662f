import Foundation

/// Quantities in Dutch text: digits with Dutch separators (`5.144`,
/// `29,02`), percentages (`75%`, `2,69 procent`), ranges (`15.000-17.000`)
/// and number words (`twaalf`, `twintig`, `drieduizend`,
/// `vijfentwintig`). Years and dates are recognised so that they are not
/// taken for counts.
public struct Quantity: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable { case count, percentage, year }
    public let value: Double
    public let kind: Kind
    /// Token indices in the passage (first...last) covering the quantity.
    public let first: Int
    public let last: Int
    /// A number not yet filled in ("X aantal nieuwe banen" in a draft): value 0, counts nothing as a figure.
    public var isPlaceholder = false
    /// Written as a bound: after "≥", "≤", ">" or "<" ("Aantal uitkeringsgerechtigden ... ≥ 50 in 2020"), a norm.
    public var isNorm = false

    /// The prefix of the rule name of a goal whose number is a placeholder (`placeholder+ahead`), which `check`
    /// answers with "fill in the number".
    public static let placeholderRule = "placeholder"

}

struct QuantityScanner: Sendable {
    /// Folded number word → value ("twee": 2, "twintig": 20, "honderd": 100, "duizend": 1000).
    let words: [String: Int]
    /// Folded words that turn the preceding number into a percentage ("procent").
    let percentWords: Set<String>
    /// Folded words that stand for a number not yet filled in ("x", "xx"): `cycle.placeholders`.
    var placeholders: Set<String> = []
    /// The language cache's list numbers of `placeholders` and `percentWords` (beside `ActionScope`'s and the coder's).
    static let placeholderList = 61
    static let percentList = 62

    /// Parses a number word, composing Dutch compounds: "drieduizend",
    /// "tweehonderdvijftig", "vijfentwintig".
    func value(ofWord word: String) -> Int? {
        if let direct = words[word] { return direct }
        guard word.utf8.count >= 5, word.utf8.count <= 40 else { return nil }
        for (multiplierWord, multiplier) in [("duizend", 1000), ("honderd", 100)] as [(StaticString, Int)] {
            guard let range = word.utf8Range(of: multiplierWord) else { continue }
            let left = String(word[..<range.lowerBound]), right = String(word[range.upperBound...])
            let leftValue = left.isEmpty ? 1 : value(ofWord: left)
            let rightValue = right.isEmpty ? 0 : value(ofWord: right)
            if let leftValue, let rightValue, leftValue < multiplier || multiplier == 1000 { return leftValue * multiplier + rightValue }
            return nil
        }
        // "vijfentwintig", "eenendertig": unit + "en" + tens.
        if word.hasSuffix("ig"), let range = word.utf8Range(of: "en", from: 1) {
            let unit = String(word[..<range.lowerBound]), tens = String(word[range.upperBound...])
            let unitValue = unit == "een" ? 1 : words[unit]
            if let unitValue, unitValue < 10, let tensValue = words[tens], tensValue >= 20, tensValue < 100, tensValue % 10 == 0 {
                return tensValue + unitValue
            }
        }
        return nil
    }

    /// Scans the tokens of one passage; `text` is the passage text and
    /// `base` the document offset of its first scalar.
    /// `words`, when given, are the tokens' ids in `cache`, which then remembers each word's value.
    func scan(_ tokens: [Token], words: [Int32]? = nil, cache: LanguageCache? = nil, text: String, base: Int) -> [Quantity] {
        scan(tokens, words: words, cache: cache, text: ScalarIndexedText(text), base: base)
    }

    /// The same over the passage text indexed for slicing (the index the coder's evidence uses, built once).
    func scan(_ tokens: [Token], words: [Int32]?, cache: LanguageCache?, text: ScalarIndexedText, base: Int) -> [Quantity] {
        func scalar(_ offset: Int) -> Unicode.Scalar? { text.scalar(at: offset - base) }
        func wordValue(_ index: Int) -> Int? {
            guard words != nil, cache != nil else { return value(ofWord: tokens[index].form) }
            // (read through the optionals, not bound: binding the cache retained and released it at every token)
            return cache.unsafelyUnwrapped.numberValue(words.unsafelyUnwrapped[index]) { value(ofWord: tokens[index].form) }
        }
        // Per token, whether it is a placeholder or a percent word: by id in the cache when there is one (a string
        // hash per token was a tenth of the scan), else by the string.
        func isPlaceholder(_ index: Int) -> Bool {
            guard let words, let cache else { return placeholders.contains(tokens[index].form) }
            if let known = cache.knownMembership(words[index], of: Self.placeholderList) { return known }
            return cache.isMember(words[index], of: Self.placeholderList, placeholders)
        }
        func isPercentWord(_ index: Int) -> Bool {
            guard let words, let cache else { return percentWords.contains(tokens[index].form) }
            if let known = cache.knownMembership(words[index], of: Self.percentList) { return known }
            return cache.isMember(words[index], of: Self.percentList, percentWords)
        }
        var quantities: [Quantity] = []
        var index = 0
        while index < tokens.count {
            // Fields read in place: copying the token retained and released its form at every step.
            if tokens[index].isNumber {
                // Join "5" "." "144" and "29" "," "02": digits separated by one . or , with no space.
                var last = index
                var digits = tokens[index].form
                var decimals = ""
                var isSection = false
                while last + 1 < tokens.count, tokens[last + 1].isNumber, tokens[last + 1].start == tokens[last].end + 1,
                      let separator = scalar(tokens[last].end) {
                    let group = tokens[last + 1].form
                    if separator == ".", group.count == 3, decimals.isEmpty, !isSection {
                        digits += group
                    } else if separator == ".", decimals.isEmpty, group.count < 3 {
                        // "4.2", "5.2.1": a section number (a thousands group has three digits), no quantity.
                        isSection = true
                    } else if separator == ",", decimals.isEmpty, !isSection {
                        decimals = group
                    } else {
                        break
                    }
                    last += 1
                }
                // The sign before the number, past one space: "§3" numbers a section; "≥ 50", "< 410" state a bound.
                let sign = scalar(tokens[index].start - 1).flatMap { $0 == " " ? scalar(tokens[index].start - 2) : $0 }
                if isSection || sign == "§" { index = last + 1; continue }
                var value = Double(digits) ?? 0
                if !decimals.isEmpty { value += (Double("0." + decimals) ?? 0) }
                var kind: Quantity.Kind = .count
                if scalar(tokens[last].end) == "%" || (scalar(tokens[last].end) == " " && scalar(tokens[last].end + 1) == "%") {
                    kind = .percentage
                } else if last + 1 < tokens.count, isPercentWord(last + 1) {
                    kind = .percentage
                    last += 1
                } else if decimals.isEmpty, digits.count == 4, (1990...2099).contains(Int(digits) ?? 0) {
                    kind = .year
                }
                var quantity = Quantity(value: value, kind: kind, first: index, last: last)
                if let sign, sign == "≥" || sign == "≤" || sign == ">" || sign == "<" { quantity.isNorm = true }
                quantities.append(quantity)
                index = last + 1
                continue
            }
            // A placeholder for a number ("X aantal nieuwe banen"): not right after a count ("3 x per jaar"; a year, as
            // this scan read it, may stand before it: "in 2026 X banen"), not before a number.
            if isPlaceholder(index), index + 1 < tokens.count, tokens[index + 1].sentence == tokens[index].sentence,
               !tokens[index + 1].isNumber,
               index == 0 || !tokens[index - 1].isNumber || tokens[index - 1].sentence != tokens[index].sentence
                || quantities.last.map({ $0.last == index - 1 && $0.kind == .year }) == true {
                var placeholder = Quantity(value: 0, kind: .count, first: index, last: index)
                placeholder.isPlaceholder = true
                quantities.append(placeholder)
                index += 1
                continue
            }
            // "één" (with accents) is the number one; "een" is the article.
            if tokens[index].form.utf8.count == 3, tokens[index].form == "een", let first = scalar(tokens[index].start), first == "é" || first == "É" {
                quantities.append(Quantity(value: 1, kind: .count, first: index, last: index))
                index += 1
                continue
            }
            if let wordValue = wordValue(index) {
                var last = index
                var kind: Quantity.Kind = .count
                if last + 1 < tokens.count, isPercentWord(last + 1) {
                    kind = .percentage
                    last += 1
                }
                quantities.append(Quantity(value: Double(wordValue), kind: kind, first: index, last: last))
                index = last + 1
                continue
            }
            index += 1
        }
        return quantities
    }
}

extension String {
    /// The first occurrence of `needle`, searched byte-wise in UTF-8 from
    /// byte `from` (no Foundation, no locale, no copy: for folded words).
    func utf8Range(of needle: StaticString, from: Int = 0) -> Range<String.Index>? {
        var copy = self
        let start: Int? = copy.withUTF8 { haystack in
            needle.withUTF8Buffer { pattern in
                guard !pattern.isEmpty, haystack.count >= pattern.count, from <= haystack.count - pattern.count else { return nil }
                outer: for start in from...(haystack.count - pattern.count) {
                    for offset in 0..<pattern.count where haystack[start + offset] != pattern[offset] { continue outer }
                    return start
                }
                return nil
            }
        }
        guard let start else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return lower..<utf8.index(lower, offsetBy: needle.utf8CodeUnitCount)
    }
}
