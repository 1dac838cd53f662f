/// Time expressions resolved to month ranges: `eind 2026`, `Q2 2025`,
/// `voor 1 april 2026`, `het eerste kwartaal van 2024`, `medio 2023`,
/// `uiterlijk juni`, `het komende jaar`, `volgend jaar`, `vorig jaar`,
/// `de komende twee jaar`, `2023-2024`. Relative ones resolve against the
/// reference year (the first year of the agenda's period, else the
/// document's own date); without one they are left out.
struct TimeResolver {
    static let months: [String: Int] = [
        "januari": 1, "jan": 1, "februari": 2, "feb": 2, "maart": 3, "mrt": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6,
        "juli": 7, "jul": 7, "augustus": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10,
        "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    /// The abbreviated month names among `months`.
    static let abbreviations: Set<String> = ["jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec"]
    /// Part-of-year words and the months they cover (1-based, inclusive).
    static let parts: [String: (Int, Int)] = [
        "eind": (10, 12), "einde": (10, 12), "eindje": (10, 12), "begin": (1, 3), "medio": (6, 7), "halverwege": (6, 7),
        "midden": (6, 7), "voorjaar": (3, 5), "najaar": (9, 11), "zomer": (6, 8), "winter": (1, 2), "herfst": (9, 11),
        "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12),
    ]
    static let quarters: [String: Int] = ["eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": 4]
    static let byWords: Set<String> = ["voor", "uiterlijk", "tot", "tot en met", "voordat", "deadline", "vóór"]
    static let fromWords: Set<String> = ["vanaf", "per", "na", "ingang"]
    /// "sinds 2016", "tot nu toe": the time runs up to now, a report.
    static let sinceWords: Set<String> = ["sinds", "sedert"]
    static let countWords: [String: Int] = ["twee": 2, "drie": 3, "vier": 4, "vijf": 5, "2": 2, "3": 3, "4": 4, "5": 5]

    /// `isMonth`, when given, says per token whether its form is in `months` (so most tokens skip the lookup).
    /// `spaced`, when given, says per token whether white space stands before it (a year and a count beside it are two things).
    func resolve(tokens: [Token], referenceYear: Int?, isMonth: [Bool]? = nil, spaced: [Bool]? = nil) -> [TimeExpression] {
        var found: [TimeExpression] = []
        func form(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].form : "" }
        func year(_ i: Int) -> Int? {
            guard i >= 0, i < tokens.count, tokens[i].isNumber, tokens[i].form.utf8.count == 4, let value = Int(tokens[i].form),
                  (1990...2099).contains(value) else { return nil }
            return value
        }
        func relation(before first: Int) -> TimeExpression.Relation {
            // (over a year noun too: "vanaf het schooljaar 2023-2024", "voor het kalenderjaar 2025")
            let back = first > 0 && form(first - 1).hasSuffix("jaar") ? 3 : 2
            for j in max(0, first - back)..<first where tokens[j].sentence == tokens[first].sentence {
                if Self.byWords.contains(form(j)) { return .by }
                if Self.fromWords.contains(form(j)) { return .from }
                if Self.sinceWords.contains(form(j)) { return .since }
            }
            return .at
        }
        var covered = Set<Int>()
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            if !covered.isEmpty && covered.contains(i) { continue }
            // Explicit year, with what stands before it.
            if let y = year(i) {
                // A reference code, not a year: "2024-0000857898" (not "eind 2026 25.000 banen").
                if i + 1 < tokens.count, tokens[i + 1].isNumber, tokens[i + 1].start == tokens[i].end + 1, year(i + 1) == nil,
                   spaced?[i + 1] != true { continue }
                var first = i, startMonth = 1, endMonth = 12
                // A period: 2023-2024, 2023/2024.
                if let second = year(i + 1), second > y, second - y <= 6, tokens[i + 1].start - tokens[i].end == 1 {
                    found.append(.init(first: i, last: i + 1, startMonth: y * 12, endMonth: second * 12 + 11, relation: relation(before: i),
                                       isRelative: false))
                    covered.insert(i + 1)
                    continue
                }
                var j = i - 1
                if j >= 0, form(j) == "van" { j -= 1 }
                if j >= 0, let month = Self.months[form(j)] {
                    startMonth = month; endMonth = month; first = j
                    if j - 1 >= 0, tokens[j - 1].isNumber, let day = Int(tokens[j - 1].form), (1...31).contains(day) { first = j - 1 }
                } else if j >= 0, let part = Self.parts[form(j)] {
                    (startMonth, endMonth) = part; first = j
                } else if j >= 1, form(j) == "kwartaal", let quarter = Self.quarters[form(j - 1)] {
                    startMonth = quarter * 3 - 2; endMonth = quarter * 3; first = j - 1
                    if j - 2 >= 0, form(j - 2) == "het" { first = j - 2 }
                } else if j >= 1, form(j) == "helft", let half = Self.quarters[form(j - 1)] {
                    startMonth = half == 1 ? 1 : 7; endMonth = half == 1 ? 6 : 12; first = j - 1
                }
                found.append(.init(first: first, last: i, startMonth: y * 12 + startMonth - 1, endMonth: y * 12 + endMonth - 1,
                                   relation: relation(before: first), isRelative: false, hasDay: tokens[first].isNumber && first < i))
                continue
            }
            guard let reference = referenceYear else { continue }
            // A month without a year: "uiterlijk juni", "in maart".
            if isMonth?[i] ?? true, let month = Self.months[form(i)], year(i + 1) == nil, form(i) != "mei" || relation(before: i) != .at || form(i - 1) == "in" {
                var first = i
                if i - 1 >= 0, tokens[i - 1].isNumber, let day = Int(tokens[i - 1].form), (1...31).contains(day) { first = i - 1 }
                // An abbreviation stands for a month only with its day ("3 jan"): alone it is a word or a name ("Jan Markink").
                if first == i, Self.abbreviations.contains(form(i)) { continue }
                found.append(.init(first: first, last: i, startMonth: reference * 12 + month - 1, endMonth: reference * 12 + month - 1,
                                   relation: relation(before: first), isRelative: true, hasDay: first < i))
                continue
            }
            // Relative years.
            // Their lengths first (4, 5, 8, 7 bytes), read in place: most words are none of them and skip the comparisons
            // (and the copy of the form).
            let length = tokens[i].form.utf8.count
            guard length >= 4 && length <= 8 && length != 6 else { continue }
            let word = form(i)
            // (each length has one period noun: one comparison per word, not four)
            let isPeriodNoun: Bool
            switch length {
            case 4: isPeriodNoun = word == "jaar"
            case 5: isPeriodNoun = word == "jaren"
            case 7: isPeriodNoun = word == "maanden"
            default: isPeriodNoun = word == "kwartaal"
            }
            if isPeriodNoun {
                let previous = form(i - 1)
                var span = 1
                var modifierIndex = i - 1
                if let count = Self.countWords[previous] { span = count; modifierIndex = i - 2 }
                let modifier = form(modifierIndex)
                // "(aan) het einde van het jaar", "begin van dit jaar": a part of the reference year.
                if word == "jaar", ["het", "dit", "dat"].contains(modifier), form(modifierIndex - 1) == "van",
                   let part = Self.parts[form(modifierIndex - 2)] {
                    var first = modifierIndex - 2
                    if first - 1 >= 0, form(first - 1) == "het" { first -= 1 }
                    found.append(.init(first: first, last: i, startMonth: reference * 12 + part.0 - 1, endMonth: reference * 12 + part.1 - 1,
                                       relation: relation(before: first), isRelative: true))
                    continue
                }
                let start: Int?
                switch modifier {
                case "komende", "komend", "aankomende", "eerstkomende": start = reference
                case "volgend", "volgende": start = reference + 1
                case "vorig", "vorige", "afgelopen", "voorgaande": start = reference - span
                case "dit", "deze": start = reference
                default: start = nil
                }
                guard let start, word == "jaar" || word == "jaren" else { continue }
                var first = modifierIndex
                if first - 1 >= 0, form(first - 1) == "het" || form(first - 1) == "de" { first -= 1 }
                // ("de komende jaren": plural without a count, an open stretch of years, vague)
                found.append(.init(first: first, last: i, startMonth: start * 12, endMonth: (start + span - 1) * 12 + 11,
                                   relation: relation(before: first), isRelative: true,
                                   isVague: word == "jaren" && modifierIndex == i - 1))
            }
        }
        return found.sorted { $0.first < $1.first }
    }
}

/// Binds quantities to the noun phrase they count.
struct QuantityBinder {
    let specials: LanguageCache.Specials

    func bind(_ quantities: [Quantity], tokens: [Token], analysis: PassageAnalysis) -> [CountedQuantity] {
        var bound: [CountedQuantity] = []
        let words = analysis.words
        for quantity in quantities where quantity.kind != .year {
            // A number joined by a hyphen to the word after it is part of a compound, a label, no count: "een niveau
            // 2-diploma", "3-jarige opleiding", "1-op-1 begeleiding".
            if quantity.last + 1 < tokens.count, words[quantity.last + 1].afterHyphen, !tokens[quantity.last + 1].isNumber { continue }
            let sentence = tokens[quantity.first].sentence
            var noun = -1, of = -1, last = quantity.last
            var j = quantity.last + 1
            // "600 à 700 mensen", "15.000-17.000 banen", "zes van de acht umc's", "0,5 procent van haar personeelsbudget".
            var steps = 0
            while j < tokens.count, tokens[j].sentence == sentence, steps < 6 {
                let word = words[j]
                // A bracket ends the phrase: "doelstelling 3 (goede voorbeelden delen)" labels.
                if words[j].afterBracket { break }
                // So does a time: "< 410 eind 2020" counts nothing named "eind".
                if analysis.times.contains(where: { $0.first <= j && $0.last >= j }) { break }
                if word.pos == .noun || word.pos == .properNoun && quantity.kind != .percentage {
                    // The head of a Dutch noun phrase is its last noun: "600 extra banen", "drie werkplek begeleiders".
                    noun = j; last = j
                    // "X aantal nieuwe banen": a number noun right after the count counts what follows it.
                    if word.lemma == specials.aantal, j == quantity.last + 1,
                       let next = (j + 1..<min(tokens.count, j + 4)).first(where: { tokens[$0].sentence == sentence && words[$0].pos == .noun }),
                       (j + 1..<next).allSatisfy({ words[$0].pos == .other && words[$0].classes.isEmpty }) {
                        noun = next; last = next
                    }
                    // A count above one counts a plural: a singular form before coordinated adjectives and a plural noun
                    // modifies that noun ("48 extra, duurzame en structurele banen"; "extra" is also listed as a noun).
                    if quantity.value > 1, word.lemma == word.form {
                        var k = j + 1
                        while k < tokens.count, k - j <= 5, tokens[k].sentence == sentence,
                              words[k].pos == .other && words[k].classes.isEmpty || words[k].form == specials.en { k += 1 }
                        if k > j + 1, k < tokens.count, tokens[k].sentence == sentence, words[k].pos == .noun, words[k].lemma != words[k].form,
                           (j + 1..<k).contains(where: { words[$0].pos == .other }) {
                            noun = k; last = k
                        }
                    }
                    // A time expression after it is no part of it: "90 banen eind 2024".
                    while noun + 1 < tokens.count, tokens[noun + 1].sentence == sentence, words[noun + 1].pos == .noun, noun + 1 - j < 3,
                          !analysis.times.contains(where: { $0.first <= noun + 1 && $0.last >= noun + 1 }) {
                        noun += 1; last = noun
                    }
                    break
                }
                if word.pos == .finiteVerb || word.pos == .participle && j > quantity.last + 2 { break }
                if word.classes.contains(.subordinator) || word.classes.contains(.coordinator) && word.form != specials.en { break }
                // No preposition stands between a count and its noun: "waarvan 25.000 bij de overheid" counts nothing of its
                // own (it repeats the count before it); a range or a part goes on ("15.000 tot 17.000 banen", "zes van de acht umc's").
                if word.classes.contains(.preposition), word.form != specials.van, !(j + 1 < tokens.count && tokens[j + 1].isNumber) { break }
                // Nor an article, but in a part ("zes van de acht umc's"): "doelstelling 2 (het inzichtelijk maken ...)" labels.
                if word.classes.contains(.article), j == quantity.last + 1 || words[j - 1].form != specials.van { break }
                j += 1
                steps += 1
            }
            // A percentage or part: the noun after "van" ("procent van haar budget"), or the noun counted ("zes van de acht umc's").
            if quantity.kind == .percentage || (noun >= 0 && noun > quantity.last + 1 && words[quantity.last + 1].form == specials.van) {
                var k = quantity.last + 1
                if k < tokens.count, words[k].form == specials.van {
                    k += 1
                    var steps = 0
                    while k < tokens.count, tokens[k].sentence == sentence, steps < 4 {
                        if words[k].pos == .noun || words[k].pos == .properNoun { of = k; last = max(last, k); break }
                        if words[k].pos == .finiteVerb { break }
                        k += 1; steps += 1
                    }
                }
                if quantity.kind == .percentage, noun >= 0, of < 0, noun > quantity.last + 3 { noun = -1 }
            }
            // "mensen uit de doelgroep", "medewerkers met een arbeidsbeperking": the complement belongs to the phrase.
            if noun >= 0, noun + 1 < tokens.count, words[noun + 1].form == specials.uit || words[noun + 1].form == specials.van
                || words[noun + 1].classes.contains(.preposition) {
                var k = noun + 2
                var steps = 0
                while k < tokens.count, tokens[k].sentence == sentence, steps < 3 {
                    if words[k].pos == .noun { if of < 0 { of = k }; last = k; break }
                    k += 1; steps += 1
                }
            }
            // A bound with nothing counted after it counts what the row opened with: "Aantal uitkeringsgerechtigden dat
            // volledig uitstroomt ... ≥ 50 in 2020" (the noun after the sentence's first word "aantal").
            if noun < 0, quantity.isNorm {
                var first = quantity.first
                while first > 0, tokens[first - 1].sentence == sentence { first -= 1 }
                if words[first].lemma == specials.aantal, first + 1 < quantity.first, words[first + 1].pos == .noun { noun = first + 1 }
            }
            bound.append(CountedQuantity(quantity: quantity, noun: noun,
                                         lemma: noun >= 0 ? words[noun].lemma : -1, head: noun >= 0 ? words[noun].head : -1,
                                         of: of, last: last))
        }
        return bound
    }
}
