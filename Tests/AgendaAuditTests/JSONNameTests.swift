import Testing
@testable import AgendaAudit

/// The JSON stream writes some enums' raw values as static strings (no String per passage): each must
/// spell exactly the raw value the `Codable` output and the documented format use.
@Suite("JSON writer: static enum names")
struct JSONNameTests {
    @Test func staticNamesSpellTheRawValues() {
        for element in CycleElement.allCases { #expect("\(element.jsonName)" == element.rawValue) }
        for status in [CycleStatus.absent, .partial, .present] { #expect("\(status.jsonName)" == status.rawValue) }
        for role in [Evidence.Role.term, .context] { #expect("\(role.jsonName)" == role.rawValue) }
        for reason in [SuppressedHit.Reason.negation, .metaText, .exclusion, .notAnAction] {
            #expect("\(reason.jsonName)" == reason.rawValue)
        }
        for kind in BlockKind.allCases { #expect("\(kind.jsonName)" == kind.rawValue) }
    }
}
