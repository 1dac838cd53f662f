import Foundation

/// What users read about the cycle: labels, advice and example sentences
/// (DOMAIN.md sections 4 and 5), Dutch first.
public enum CycleText {
    public static func label(_ element: CycleElement, _ lang: Language) -> String {
        switch element {
        case .measurableGoals: return lang.pick("Meetbare doelen (anders dan banen)", "Measurable goals (other than jobs)")
        case .jobsTarget: return lang.pick("Banendoel", "Jobs target")
        case .planning: return lang.pick("Planning", "Planning")
        case .monitoring: return lang.pick("Monitoring", "Monitoring")
        case .problemAnalysis: return lang.pick("Probleemanalyse", "Problem analysis")
        case .boardSignature: return lang.pick("Bestuurlijke ondertekening", "Board signature")
        }
    }

    /// A short column header for the terminal table.
    public static func short(_ element: CycleElement, _ lang: Language) -> String {
        switch element {
        case .measurableGoals: return lang.pick("Doel", "Goal")
        case .jobsTarget: return lang.pick("Banen", "Jobs")
        case .planning: return lang.pick("Plan", "Plan")
        case .monitoring: return lang.pick("Monit", "Monit")
        case .problemAnalysis: return lang.pick("Probl", "Probl")
        case .boardSignature: return lang.pick("Onder", "Sign")
        }
    }

    public static func status(_ status: CycleStatus, _ lang: Language) -> String {
        switch status {
        case .present: return lang.pick("aanwezig", "present")
        case .partial: return lang.pick("deels", "partial")
        case .absent: return lang.pick("ontbreekt", "absent")
        }
    }

    public static func symbol(_ status: CycleStatus) -> String {
        switch status {
        case .present: return "●"
        case .partial: return "◐"
        case .absent: return "·"
        }
    }

    public static func score(_ value: Double) -> String {
        let whole = Int(value)
        let half = value - Double(whole) >= 0.5
        if whole == 0 && half { return "½" }
        return half ? "\(whole)½" : "\(whole)"
    }

    /// What to do about an element of this agenda: the advice for its status, led by the number to fill in where
    /// the draft still has a placeholder ("X aantal nieuwe banen").
    public static func advice(_ element: CycleElement, in cycle: AgendaCycle, _ lang: Language) -> String {
        let general = advice(element, cycle.status(element), lang)
        guard let placeholder = cycle.elements[element]?.evidence.first(where: { $0.rule.hasPrefix(Quantity.placeholderRule + "+") }) else { return general }
        return lang.pick("Vul het aantal in waar nu een plaatshouder staat (‘\(placeholder.text)’). ",
                         "Fill in the number where the draft has a placeholder (‘\(placeholder.text)’). ") + general
    }

    /// What to do when an element is missing or partial.
    public static func advice(_ element: CycleElement, _ status: CycleStatus, _ lang: Language) -> String {
        switch (element, status) {
        case (.measurableGoals, _):
            return lang.pick(
                "Geef per activiteit een doel met een aantal, wat u telt en wanneer: niet alleen 'we benaderen werkgevers', maar hoeveel, en wat het moet opleveren. Zulke doelen per activiteit maken de voortgang meetbaar, al voordat er banen zijn.",
                "Give each activity a goal with a number, what is counted and by when: not just 'we approach employers' but how many, and what it should yield. Such goals per activity make progress measurable before any jobs exist.")
        case (.jobsTarget, _):
            return lang.pick(
                "Noem hoeveel banen de activiteiten samen (of per activiteit) moeten opleveren, en voor wanneer.",
                "State how many jobs the activities should create together (or per activity), and by when.")
        case (.planning, .partial):
            return lang.pick(
                "Er staat één datum in de agenda. Koppel elke activiteit aan een kwartaal, maand of uiterste datum.",
                "The agenda has one date. Tie every activity to a quarter, month or deadline.")
        case (.planning, _):
            return lang.pick(
                "Koppel elke activiteit aan een kwartaal, maand of uiterste datum, voor de hele periode van ongeveer twee jaar.",
                "Tie every activity to a quarter, month or deadline, across the whole period of about two years.")
        case (.monitoring, .partial):
            return lang.pick(
                "De agenda vergelijkt alleen het aantal banen met het doel. Zet ook per activiteit van de vorige agenda het doel naast wat er bereikt is.",
                "The agenda compares only the number of jobs with the target. Also set each activity of the previous agenda against what was achieved.")
        case (.monitoring, _):
            return lang.pick(
                "Kijk terug op de vorige agenda: zet per doel of activiteit het doel naast de realisatie, bijvoorbeeld in een tabel 'doel – realisatie'.",
                "Look back at the previous agenda: set each goal or activity against what was realised, for example in a goal-versus-realisation table.")
        case (.problemAnalysis, .partial):
            return lang.pick(
                "De agenda noemt knelpunten maar verbindt ze niet met de aanpak. Schrijf erbij welke nieuwe activiteit elk knelpunt oplost.",
                "The agenda names bottlenecks but does not tie them to the plan. Say which new activity solves each bottleneck.")
        case (.problemAnalysis, _):
            return lang.pick(
                "Beschrijf wat in de vorige periode niet lukte en waarom, en welke activiteit dat nu oplost. Zo wordt de agenda een volgende ronde van de cyclus.",
                "Describe what did not work in the previous period and why, and which activity now solves it. That makes the agenda the next turn of the cycle.")
        case (.boardSignature, _):
            return lang.pick(
                "Laat de bestuurders, en zoveel mogelijk werkgevers, de agenda ondertekenen of vaststellen, en vermeld dat in de agenda.",
                "Have the board members, and as many employers as possible, sign or adopt the agenda, and say so in it.")
        }
    }

    /// The year example sentences use when nothing else is known: the
    /// current year, or the next one from July on (a draft written late in
    /// a year is for the agenda that starts after it).
    public static func defaultExampleYear(today: Date = Date()) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? .current
        let parts = calendar.dateComponents([.year, .month], from: today)
        let year = parts.year ?? 2026
        return (parts.month ?? 1) >= 7 ? year + 1 : year
    }

    /// An example sentence of the kind that satisfies the element, dated in
    /// `year` (the first year of the draft's period: `CheckReport.exampleYear`).
    public static func example(_ element: CycleElement, _ lang: Language, year: Int = defaultExampleYear()) -> String {
        switch element {
        case .measurableGoals:
            return lang.pick(
                "In \(year) benaderen we ten minste 20 werkgevers persoonlijk; elk gesprek levert minstens één nieuwe baan op.",
                "In \(year) we approach at least 20 employers personally; each conversation yields at least one new job.")
        case .jobsTarget:
            return lang.pick(
                "Met deze activiteiten willen we eind \(year) zestig extra banen hebben gerealiseerd.",
                "With these activities we aim to have created sixty extra jobs by the end of \(year).")
        case .planning:
            return lang.pick(
                "In het eerste kwartaal van \(year) starten we de pilot job carving; uiterlijk 1 oktober \(year) evalueren we die.",
                "In the first quarter of \(year) we start the job carving pilot; we evaluate it by 1 October \(year) at the latest.")
        case .monitoring:
            return lang.pick(
                "Van de vier geplande netwerkbijeenkomsten uit de vorige werkagenda zijn er drie gehouden; het doel van 15 getrainde werkplekbegeleiders is gehaald (17).",
                "Of the four network meetings planned in the previous agenda, three were held; the goal of 15 trained workplace supervisors was met (17).")
        case .problemAnalysis:
            return lang.pick(
                "De proefplaatsingen kwamen moeizaam op gang omdat leidinggevenden te weinig tijd hadden voor begeleiding; daarom trainen we in \(year) twintig werkplekbegeleiders.",
                "Trial placements started slowly because managers had too little time for guidance; therefore in \(year) we train twenty workplace supervisors.")
        case .boardSignature:
            return lang.pick(
                "Deze werkagenda is op 12 maart \(year) vastgesteld en ondertekend door het bestuur.",
                "This work agenda was adopted and signed by the board on 12 March \(year).")
        }
    }

    /// "1 actietype gevonden", "3 actietypen gevonden".
    public static func actionTypesFound(_ count: Int, _ lang: Language) -> String {
        lang.pick(count == 1 ? "1 actietype gevonden" : "\(count) actietypen gevonden",
                  count == 1 ? "1 action type found" : "\(count) action types found")
    }

    /// "1 agenda", "12 agenda's".
    public static func agendas(_ count: Int, _ lang: Language) -> String {
        lang.pick(count == 1 ? "1 agenda" : "\(count) agenda's", count == 1 ? "1 agenda" : "\(count) agendas")
    }

    /// "1 passage", "3 passages".
    public static func passages(_ count: Int, _ lang: Language) -> String {
        lang.pick(count == 1 ? "1 passage" : "\(count) passages", count == 1 ? "1 passage" : "\(count) passages")
    }
}
