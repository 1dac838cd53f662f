import AgendaAudit
import Foundation

/// One fuzz input, every way in: the bytes are read as each supported type
/// (txt, xhtml, html, docx, pdf); whatever parses is coded (matcher, coder),
/// checked for the policy cycle (quantities scanner, cycle checker) and
/// rendered as the `check` report (text in both languages, JSON).
///
/// Besides crashes, a broken invariant is a finding: offsets of passages,
/// headings and evidence must lie inside the text, in order, and slice out
/// the words they claim. A failed `precondition` stops the run like a crash.
enum FuzzTarget {
    static let formats = ["txt", "xhtml", "html", "docx", "pdf"]

    /// `AGENDA_AUDIT_RUBRIC`, else the package's rubric.json (found from this file).
    static let rubric: Rubric = {
        let path = ProcessInfo.processInfo.environment["AGENDA_AUDIT_RUBRIC"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("rubric.json").path
        do { return try Rubric.load(path: path) } catch { fatalError("rubric \(path): \(error)") }
    }()

    static let pipeline = Pipeline(rubric: rubric)

    static func run(_ data: Data) {
        for ext in formats { run(data, ext: ext) }
    }

    static func run(_ data: Data, ext: String) {
        let document: Document
        do {
            document = try Ingest.parse(data: data, path: "fuzz.\(ext)", ext: ext)
        } catch {
            _ = error.message(.nl)
            return
        }
        checkDocument(document)
        let audit = pipeline.audit(document)
        checkAudit(audit)
        if let report = CheckReport(audit: audit, rubric: rubric) {
            _ = report.text(.nl)
            _ = report.text(.en)
            _ = try? report.json(.nl)
        }
    }

    /// A broken promise about offsets stops the run like a crash.
    static func checkDocument(_ document: Document) {
        let problems = document.offsetProblems()
        precondition(problems.isEmpty, problems.joined(separator: "; "))
    }

    static func checkAudit(_ audit: AuditedAgenda) {
        let problems = audit.evidenceProblems()
        precondition(problems.isEmpty, problems.joined(separator: "; "))
    }
}

#if AGENDA_FUZZ

/// The libFuzzer entry (built by Fuzz/run.sh with `-sanitize=fuzzer`).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let data = bytes.map { Data(bytes: $0, count: size) } ?? Data()
    FuzzTarget.run(data)
    return 0
}

/// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer, linked by `-sanitize=fuzzer`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// SwiftPM links an executable with `--defsym main=<module>_main` (so tests can
/// link executables), which replaces libFuzzer's own `main`; this is that
/// symbol, handing the command line to libFuzzer. (Under -parse-as-library
/// without `@main` the compiler emits no `agenda_audit_fuzz_main` itself.)
@_cdecl("agenda_audit_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzOneInput)
}

#else

/// Without the fuzzer: replays files (or folders of files) through the same
/// function, e.g. a crash found by Fuzz/run.sh or the regression corpus.
@main
struct Replay {
    static func main() {
        let arguments = CommandLine.arguments.dropFirst()
        guard !arguments.isEmpty else {
            FileHandle.standardError.write(Data("usage: agenda-audit-fuzz FILE|FOLDER...\n".utf8))
            exit(2)
        }
        var files: [String] = []
        for argument in arguments {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory) else {
                FileHandle.standardError.write(Data("no such file: \(argument)\n".utf8))
                exit(2)
            }
            if isDirectory.boolValue {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []
                for name in names.sorted() {
                    let path = URL(fileURLWithPath: argument).appendingPathComponent(name).path
                    var isFolder: ObjCBool = false
                    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue { files.append(path) }
                }
            } else {
                files.append(argument)
            }
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read: \(file)\n".utf8))
                exit(2)
            }
            FuzzTarget.run(data)
            print("ok \(file)")
        }
        print("\(files.count) inputs, no crash")
    }
}

#endif
